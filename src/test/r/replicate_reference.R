#!/usr/bin/env Rscript
# R reference for the bootstrap replicate weights (dk.barometer.weighting.ReplicateWeighting).
#
# Usage (from the repository root):
#   Rscript src/test/r/replicate_reference.R src/test/resources/weighting src/test/resources/replicates
#
# For both surveys of the weighting fixture `collapse` (collapse rules on industry, no trimming):
#   1. draws REPLICATES rescaled bootstrap replicates within the strata (Rao-Wu-Yue, m_h = n_h - 1 draws with
#      replacement, lambda_h = sqrt(1 - n_h / N_h)) with R's own random numbers, and writes the multipliers
#      1 - lambda_h + lambda_h n_h / m_h x times drawn to multipliers.csv: the Java test feeds these same multipliers
#      to its replicate weighting;
#   2. builds svrepdesign(type = "bootstrap", repweights = multipliers, weights = ~design weight,
#      combined.weights = FALSE) and calibrates it with calibrate(calfun = "raking") to the register margins after
#      the collapse rules, which rakes every replicate's weights (design weight x multiplier) on its own;
#   3. checks that every replicate reproduces every margin, and writes the final weight and the replicate weights to
#      expected.csv.
# Re-running writes byte-identical files. See src/test/r/README.md.

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "variance_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) {
  stop("usage: Rscript src/test/r/replicate_reference.R <weighting fixtures, e.g. src/test/resources/weighting> ",
       "<output directory, e.g. src/test/resources/replicates>")
}
FIXTURES <- args[1]
OUT <- args[2]
FIXTURE <- "collapse"
REPLICATES <- 20L
SEED <- 20260

RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(SEED)

# Multipliers of one survey's respondents (rows in respondent_id order within each stratum), one column per replicate.
bootstrap_multipliers <- function(data, n_h, N_h) {
  m <- matrix(1, nrow = nrow(data), ncol = REPLICATES)
  for (h in sort(names(n_h))) {
    n <- as.numeric(n_h[[h]])
    N <- as.numeric(N_h[[h]])
    if (n < 2 || n >= N) next
    lambda <- sqrt(1 - n / N)
    rows <- which(data$stratum == h)
    rows <- rows[order(data$respondent_id[rows])]
    for (r in seq_len(REPLICATES)) {
      times <- tabulate(sample.int(n, n - 1, replace = TRUE), nbins = n)
      m[rows, r] <- 1 - lambda + lambda * n / (n - 1) * times
    }
  }
  m
}

fx <- read_fixture(FIXTURES, FIXTURE)
multipliers_out <- list()
expected_out <- list()
for (survey in SURVEYS) {
  label <- paste(FIXTURE, survey)
  settings <- fx$settings[[survey]]
  resp <- fx$respondents[fx$respondents$survey == survey, ]
  population <- settings$population
  N_h <- register_margin(fx$register, population, "stratum")
  n_h <- table(resp$stratum)
  data <- resp
  data$N <- as.numeric(N_h[data$stratum])
  data$d <- data$N / as.numeric(n_h[data$stratum])
  for (v in MARGINS) data[[v]] <- collapse_codes(data[[v]], settings$collapse[[v]])
  pop_margins <- lapply(MARGINS, function(v)
    population_margin(register_margin(fx$register, population, v), v, settings$collapse[[v]]))
  total <- sum(N_h)
  cal <- raking_calibration(data, pop_margins, total, label)
  m <- bootstrap_multipliers(data, n_h, N_h)

  design <- svrepdesign(data = cal$variables, repweights = m, weights = ~d, type = "bootstrap",
                        combined.weights = FALSE)
  calibrated <- withCallingHandlers(
    calibrate(design, cal$formula, population = cal$population, calfun = "raking", epsilon = CAL_EPSILON,
              maxit = CAL_MAXIT, compress = FALSE),
    warning = function(w) stop(label, ": calibrate() warned: ", conditionMessage(w)))
  w <- weights(calibrated, "sampling")
  reps <- as.matrix(weights(calibrated, "analysis"))
  for (r in seq_len(REPLICATES)) {
    gap <- margin_gap(reps[, r], data, pop_margins)
    if (gap > MARGIN_CHECK * total) stop(sprintf("%s replicate %d: margins do not hold: gap %.3g", label, r, gap))
  }
  ex <- fx$expected[fx$expected$survey == survey, ]
  stopifnot(identical(ex$respondent_id, resp$respondent_id))
  if (rel_diff(w, ex$weight) > WEIGHT_CHECK) stop(label, ": the full-sample weights differ from expected.csv")
  message(sprintf("%s: %d respondents, %d replicates, replicate weights %.4g .. %.4g", label, nrow(data),
                  REPLICATES, min(reps), max(reps)))

  ids <- data.frame(survey = survey, respondent_id = resp$respondent_id, stringsAsFactors = FALSE)
  mult <- as.data.frame(matrix(fmt(m), nrow = nrow(m)), stringsAsFactors = FALSE)
  names(mult) <- paste0("m", seq_len(REPLICATES))
  multipliers_out[[survey]] <- cbind(ids, mult)
  repw <- as.data.frame(matrix(fmt(reps), nrow = nrow(reps)), stringsAsFactors = FALSE)
  names(repw) <- paste0("w", seq_len(REPLICATES))
  expected_out[[survey]] <- cbind(ids, weight = fmt(w), repw)
}

dir.create(OUT, showWarnings = FALSE, recursive = TRUE)
write_csv <- function(x, file) utils::write.csv(x, file.path(OUT, file), row.names = FALSE, quote = FALSE)
write_csv(do.call(rbind, multipliers_out), "multipliers.csv")
write_csv(do.call(rbind, expected_out), "expected.csv")
