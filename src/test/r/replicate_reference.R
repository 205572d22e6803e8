#!/usr/bin/env Rscript
# R reference for the bootstrap replicate weights (dk.barometer.weighting.ReplicateWeighting).
#
# Usage (from the repository root):
#   Rscript src/test/r/replicate_reference.R src/test/resources/weighting src/test/resources/replicates
#
# For both surveys of the weighting fixture `collapse` (collapse rules on industry, no trimming), into the output
# directory, and of the fixture `trimming` (trimming: {max_ratio_to_median: k}), into its subdirectory trimming/:
#   1. draws REPLICATES rescaled bootstrap replicates within the strata (Rao-Wu-Yue, m_h = n_h - 1 draws with
#      replacement, lambda_h = sqrt(1 - n_h / N_h)) with R's own random numbers, and writes the multipliers
#      1 - lambda_h + lambda_h n_h / m_h x times drawn to multipliers.csv: the Java test feeds these same multipliers
#      to its replicate weighting;
#   2. builds svrepdesign(type = "bootstrap", repweights = multipliers, weights = ~design weight,
#      combined.weights = FALSE) and calibrates it with calibrate(calfun = "raking") to the register margins after
#      the collapse rules, which rakes every replicate's weights (design weight x multiplier) on its own;
#   3. with trimming, trims every replicate under the full sample's cap (k x the median weight of the full sample's
#      first rake()), as weighting_reference.R trims the full sample, but on the replicate's resample, where a
#      respondent of multiplier m stands for m copies of weight w / m: survey's trimWeights(upper = cap,
#      strict = TRUE) on the copies (trim_copies below, which is trimWeights itself when every m is 1, checked),
#      then calibrate(calfun = "raking") again, until no copy's weight exceeds the cap;
#   4. checks that every replicate reproduces every margin (and respects the cap), and writes the final weight and
#      the replicate weights to expected.csv.
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
REPLICATES <- 20L
SEED <- 20260
# The trimming loop stops when the largest weight per copy is <= cap x (1 + CAP_SLACK), as weighting_reference.R.
CAP_SLACK <- 1e-12
MAX_ROUNDS <- 1000L

RNGkind("Mersenne-Twister", "Inversion", "Rejection")

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

# survey's trimWeights(upper = cap, strict = TRUE) on a replicate's resample, where a respondent of multiplier m
# stands for m copies of weight w / m: copies above the cap are set to it and their excess is shared equally among
# the other copies, until none exceeds the cap. Returns the respondents' weights (m x the weight of a copy).
trim_copies <- function(w, m, cap) {
  v <- w / m
  repeat {
    outside <- v > cap
    if (!any(outside)) return(v * m)
    excess <- sum((v[outside] - cap) * m[outside])
    v[outside] <- cap
    v[!outside] <- v[!outside] + excess / sum(m[!outside])
  }
}

calibrated <- function(design, cal, label) {
  withCallingHandlers(
    calibrate(design, cal$formula, population = cal$population, calfun = "raking", epsilon = CAL_EPSILON,
              maxit = CAL_MAXIT, compress = FALSE),
    warning = function(w) stop(label, ": calibrate() warned: ", conditionMessage(w)))
}

# One replicate's trim-and-rake loop under the cap; returns the weights and the rounds.
trimmed_replicate <- function(w, m, cap, cal, label) {
  rounds <- 0L
  while (max(w / m) > cap * (1 + CAP_SLACK)) {
    if (rounds >= MAX_ROUNDS) stop(sprintf("%s: trimming did not settle in %d rounds", label, MAX_ROUNDS))
    rounds <- rounds + 1L
    cut <- trim_copies(w, m, cap)
    w <- weights(calibrated(svydesign(ids = ~1, weights = ~cut, data = cbind(cal$variables, cut = cut)), cal,
                            sprintf("%s round %d", label, rounds)))
  }
  list(w = w, rounds = rounds)
}

replicate_reference <- function(fixture, seed, out) {
  set.seed(seed)
  fx <- read_fixture(FIXTURES, fixture, trimming = TRUE)
  multipliers_out <- list()
  expected_out <- list()
  for (survey in SURVEYS) {
    label <- paste(fixture, survey)
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
    raked <- calibrated(design, cal, label)
    reps <- as.matrix(weights(raked, "analysis"))
    ex <- fx$expected[fx$expected$survey == survey, ]
    stopifnot(identical(ex$respondent_id, resp$respondent_id))
    rounds <- rep(0L, REPLICATES)
    cap <- NA_real_
    if (!is.null(settings$trim)) {
      first <- rake_to_margins(svydesign(ids = ~1, strata = ~stratum, weights = ~d, fpc = ~N, data = data),
                               pop_margins, total, label)$design
      cap <- settings$trim * median(weights(first))
      untrimmed <- weights(first)
      if (rel_diff(trim_copies(untrimmed, rep(1, nrow(data)), cap),
                   weights(trimWeights(first, upper = cap, strict = TRUE))) > 1e-12) {
        stop(label, ": trim_copies with every multiplier 1 differs from trimWeights(strict = TRUE)")
      }
      for (r in seq_len(REPLICATES)) {
        t <- trimmed_replicate(reps[, r], m[, r], cap, cal, sprintf("%s replicate %d", label, r))
        reps[, r] <- t$w
        rounds[r] <- t$rounds
      }
    }
    # The full-sample weight: calibrate()'s, or with trimming weighting_reference.R's trimmed one.
    w <- if (is.na(cap)) weights(raked, "sampling") else ex$weight
    if (rel_diff(w, ex$weight) > WEIGHT_CHECK) stop(label, ": the full-sample weights differ from expected.csv")
    for (r in seq_len(REPLICATES)) {
      gap <- margin_gap(reps[, r], data, pop_margins)
      if (gap > MARGIN_CHECK * total) stop(sprintf("%s replicate %d: margins do not hold: gap %.3g", label, r, gap))
      if (!is.na(cap) && max(reps[, r] / m[, r]) > cap * (1 + 1e-9)) {
        stop(sprintf("%s replicate %d: a weight per copy is above the cap", label, r))
      }
    }
    message(sprintf("%s: %d respondents, %d replicates, replicate weights %.4g .. %.4g%s", label, nrow(data),
                    REPLICATES, min(reps), max(reps),
                    if (is.na(cap)) "" else sprintf(", cap %.6g, trimming rounds %d .. %d (%d replicates trimmed)",
                                                    cap, min(rounds), max(rounds), sum(rounds > 0))))

    ids <- data.frame(survey = survey, respondent_id = resp$respondent_id, stringsAsFactors = FALSE)
    mult <- as.data.frame(matrix(fmt(m), nrow = nrow(m)), stringsAsFactors = FALSE)
    names(mult) <- paste0("m", seq_len(REPLICATES))
    multipliers_out[[survey]] <- cbind(ids, mult)
    repw <- as.data.frame(matrix(fmt(reps), nrow = nrow(reps)), stringsAsFactors = FALSE)
    names(repw) <- paste0("w", seq_len(REPLICATES))
    expected_out[[survey]] <- cbind(ids, weight = fmt(w), repw)
  }
  dir.create(out, showWarnings = FALSE, recursive = TRUE)
  write_csv <- function(x, file) utils::write.csv(x, file.path(out, file), row.names = FALSE, quote = FALSE)
  write_csv(do.call(rbind, multipliers_out), "multipliers.csv")
  write_csv(do.call(rbind, expected_out), "expected.csv")
}

replicate_reference("collapse", SEED, OUT)
replicate_reference("trimming", SEED + 1, file.path(OUT, "trimming"))
