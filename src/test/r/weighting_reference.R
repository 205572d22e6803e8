#!/usr/bin/env Rscript
# R reference for the barometer weighting engine (dk.barometer.weighting).
#
# Usage (from the repository root):
#   Rscript src/test/r/weighting_reference.R src/test/resources/weighting
#
# Builds every weighting fixture (respondents, register counts, settings) deterministically and computes the
# expected weights with the R survey package: design weights N_h / n_h, svydesign(), rake() to the register
# margins of industry, region and size_class (after the fixture's collapse rules) and, when the fixture trims,
# the trimWeights() / rake() loop. Re-running writes byte-identical files. See src/test/r/README.md.
#
# Needs R >= 4.0 and the survey package (developed against survey 4.1.1):
#   apt-get install r-base-core r-cran-survey

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "raking_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  stop("usage: Rscript src/test/r/weighting_reference.R <output directory, e.g. src/test/resources/weighting>")
}
OUT <- args[1]
if (packageVersion("survey") < "4.0") stop("survey >= 4.0 is required, found ", packageVersion("survey"))

# ---------------------------------------------------------------------------------------------------------------
# Constants of the reference procedure
# ---------------------------------------------------------------------------------------------------------------

# The trimming loop stops when the largest weight is <= cap x (1 + CAP_SLACK) (and the margins hold).
CAP_SLACK <- 1e-12
# A weight counts as trimmed (at the cap) when >= cap x (1 - AT_CAP).
AT_CAP <- 1e-9
MAX_ROUNDS <- 1000
# Settings written to every fixture's settings.yaml (the Java engine's convergence control).
JAVA_TOLERANCE <- "1.0e-12"
JAVA_MAX_ITERATIONS <- 100000L

POPULATION_OF <- c(employer = "firms", employee = "employees")

# Code order of conf/classifications.yaml (used to order the register rows).
INDUSTRY_CODES <- c("A", "BCDE", "F", "GHI", "J", "KL", "M", "N", "O", "P", "Q", "RS")
REGION_CODES <- c("1084", "1085", "1083", "1082", "1081")
SIZE_CODES <- c("micro", "small", "medium", "large")


# ---------------------------------------------------------------------------------------------------------------
# The weighting procedure (mirrored by the Java engine)
# ---------------------------------------------------------------------------------------------------------------


# Weights one survey. resp: respondent_id, stratum, industry, region, size_class (original codes).
# settings: list(population, collapse = list(variable = list(category = neighbour)), trim = k or NULL).
weigh <- function(resp, register, settings, label) {
  population <- settings$population
  N_h <- register_margin(register, population, "stratum")
  n_h <- table(resp$stratum)
  if (!all(names(n_h) %in% names(N_h))) stop(label, ": a stratum of the sample is not in the register")
  if (!all(names(N_h) %in% names(n_h))) stop(label, ": a register stratum has no respondents")
  data <- resp
  data$N <- as.numeric(N_h[data$stratum])
  data$d <- data$N / as.numeric(n_h[data$stratum])
  for (v in MARGINS) data[[v]] <- collapse_codes(data[[v]], settings$collapse[[v]])
  pop_margins <- lapply(MARGINS, function(v)
    population_margin(register_margin(register, population, v), v, settings$collapse[[v]]))
  total <- sum(N_h)
  for (pm in pop_margins) {
    if (abs(sum(pm$Freq) - total) > 0) stop(label, ": register margins have different totals")
  }

  design <- svydesign(ids = ~1, strata = ~stratum, weights = ~d, fpc = ~N, data = data)
  first <- rake_to_margins(design, pop_margins, total, label)
  current <- first$design
  gap <- first$gap
  rounds <- 0L
  trimmed <- 0L
  cap <- NA_real_
  excess <- NULL
  if (!is.null(settings$trim)) {
    cap <- settings$trim * median(weights(current))
    # survey stores 1 / weight (design$prob) and trimWeights(strict = TRUE) recurses while any 1 / prob > upper. When
    # 1 / (1 / cap) rounds above cap, a capped weight reads back one ulp above the cap forever and the recursion
    # overflows the C stack; such a k cannot be used with survey::trimWeights (pick a neighbouring k).
    if (1 / (1 / cap) > cap) stop(label, ": 1 / (1 / cap) > cap in double precision; choose another k")
    excess <- max(weights(current)) / cap - 1
    while (max(weights(current)) > cap * (1 + CAP_SLACK)) {
      if (rounds >= MAX_ROUNDS) {
        stop(sprintf("%s: trimming did not converge in %d rounds (max weight %.17g, cap %.17g)", label, MAX_ROUNDS,
                     max(weights(current)), cap))
      }
      rounds <- rounds + 1L
      cut <- trimWeights(current, upper = cap, strict = TRUE)
      trimmed <- sum(weights(cut) >= cap * (1 - AT_CAP))
      raked <- rake_to_margins(cut, pop_margins, total, sprintf("%s round %d", label, rounds))
      current <- raked$design
      gap <- raked$gap
      excess <- c(excess, max(weights(current)) / cap - 1)
    }
    # The round count is only a robust expectation when the last two rounds are not too close to the stopping
    # threshold (a ulp-level difference in the raking must not move the stop by a round).
    if (rounds > 0 && (excess[rounds] < 1.1 * CAP_SLACK || excess[rounds + 1] > 0.9 * CAP_SLACK)) {
      stop(sprintf(paste("%s: the round count is fragile: max weight / cap - 1 = %.3g then %.3g around the",
                         "threshold %g; choose another k"), label, excess[rounds], excess[rounds + 1], CAP_SLACK))
    }
  }
  w <- weights(current)

  # Fixed point: one more round of the procedure (trim if trimming, then rake) moves no weight beyond 1e-12.
  again <- current
  if (!is.null(settings$trim)) again <- trimWeights(again, upper = cap, strict = TRUE)
  again <- rake_to_margins(again, pop_margins, total, paste(label, "fixed-point check"))$design
  drift <- max(abs(weights(again) / w - 1))
  if (drift > 1e-12) stop(sprintf("%s: not a fixed point: one more round moves a weight by %.3g", label, drift))
  if (!is.null(settings$trim)) {
    at_cap <- sum(w >= cap * (1 - AT_CAP))
    if (at_cap != trimmed) stop(label, ": ", at_cap, " final weights at the cap but ", trimmed, " after the last trim")
  }

  list(respondent_id = resp$respondent_id, design_weight = data$d, weight = w, rounds = rounds,
       trimmed = trimmed, cap = cap, gap = gap, total = total, drift = drift,
       last_excess = if (rounds > 0) utils::tail(excess, 2) else NULL,
       first_max_ratio = max(weights(first$design)) / median(weights(first$design)))
}

summary_row <- function(survey, r) {
  w <- r$weight
  n <- length(w)
  deff <- n * sum(w^2) / sum(w)^2
  data.frame(survey = survey, rounds = r$rounds, trimmed = r$trimmed, min_weight = fmt(min(w)),
             median_weight = fmt(median(w)), max_weight = fmt(max(w)), kish_deff = fmt(deff),
             effective_n = fmt(n / deff), stringsAsFactors = FALSE)
}

# ---------------------------------------------------------------------------------------------------------------
# Synthetic data
# ---------------------------------------------------------------------------------------------------------------

reset_rng <- function(seed) {
  RNGkind("Mersenne-Twister", "Inversion", "Rejection")
  set.seed(seed)
}

normalise <- function(p) p / sum(p)

# Register rows of one population from unit-level data (count = sum of `size` per category).
register_rows <- function(units, population, size) {
  rows <- list()
  order_of <- list(stratum = SIZE_CODES, industry = INDUSTRY_CODES, region = REGION_CODES,
                   size_class = SIZE_CODES)
  for (v in c("stratum", "industry", "region", "size_class")) {
    sums <- tapply(size, units[[v]], sum)
    cats <- order_of[[v]][order_of[[v]] %in% names(sums)]
    rows[[v]] <- data.frame(population = population, variable = v, category = cats,
                            count = as.numeric(sums[cats]), stringsAsFactors = FALSE)
  }
  do.call(rbind, rows)
}

# A synthetic population of firms (2+ employees) with industry, region, size_class and number of employees.
# industry: named vector of shares. Region and size depend on the industry, so the margins are associated.
make_firms <- function(n_firms, industry) {
  ind <- sample(names(industry), n_firms, replace = TRUE, prob = industry)
  region_base <- c("1084" = 0.33, "1085" = 0.13, "1083" = 0.22, "1082" = 0.23, "1081" = 0.09)
  region_tilt <- list(J = c("1084" = 2.2), M = c("1084" = 1.6), A = c("1084" = 0.3, "1081" = 2.0, "1083" = 1.4),
                      BCDE = c("1082" = 1.4, "1083" = 1.3, "1084" = 0.7))
  size_base <- c(micro = 0.68, small = 0.22, medium = 0.07, large = 0.03)
  size_tilt <- list(BCDE = c(medium = 1.8, large = 2.5), Q = c(medium = 2.0, large = 1.6),
                    A = c(micro = 1.2, large = 0.3), F = c(micro = 1.1), M = c(micro = 1.15),
                    KL = c(large = 1.5), GHI = c(small = 1.2))
  tilt <- function(base, t) { if (!is.null(t)) base[names(t)] <- base[names(t)] * t; normalise(base) }
  reg <- character(n_firms)
  size <- character(n_firms)
  for (i in seq_len(n_firms)) {
    reg[i] <- sample(names(region_base), 1, prob = tilt(region_base, region_tilt[[ind[i]]]))
    size[i] <- sample(names(size_base), 1, prob = tilt(size_base, size_tilt[[ind[i]]]))
  }
  lo <- c(micro = 2, small = 10, medium = 50, large = 250)
  hi <- c(micro = 9, small = 49, medium = 249)
  employees <- integer(n_firms)
  for (i in seq_len(n_firms)) {
    s <- size[i]
    # micro, small, medium: uniform within the class; large: 250 + exponential (mean 350), at most 4,250.
    employees[i] <- if (s == "large") 250L + as.integer(min(floor(stats::rexp(1, 1 / 350)), 4000))
                    else lo[[s]] + sample.int(hi[[s]] - lo[[s]] + 1, 1) - 1L
  }
  data.frame(industry = ind, region = reg, size_class = size, stratum = size, employees = employees,
             stringsAsFactors = FALSE)
}

# Stratified simple random sample without replacement of n_h units per stratum, then Bernoulli non-response
# with probability size_response[size] x industry_response[industry] (capped at 1).
draw_respondents <- function(units, n_h, size_response, industry_response) {
  picked <- integer(0)
  for (h in names(n_h)) {
    in_h <- which(units$stratum == h)
    take <- min(n_h[[h]], length(in_h))
    picked <- c(picked, in_h[sample.int(length(in_h), take)])
  }
  s <- units[sort(picked), ]
  p <- pmin(1, size_response[s$size_class] * industry_response[s$industry])
  s[stats::runif(nrow(s)) < p, ]
}

as_respondents <- function(s, survey, first_id) {
  data.frame(survey = survey, respondent_id = as.integer(first_id + seq_len(nrow(s)) - 1), stratum = s$stratum,
             industry = s$industry, region = s$region, size_class = s$size_class, stringsAsFactors = FALSE)
}

# The oversampled design: a firm population, the employer sample (large firms heavily oversampled) and the
# employee sample (employees drawn within their firm's size class), with non-response by industry and size.
synthetic_fixture <- function(seed, n_firms, industry, response_industry) {
  reset_rng(seed)
  firms <- make_firms(n_firms, industry)
  employees <- firms[rep(seq_len(nrow(firms)), firms$employees), c("industry", "region", "size_class", "stratum")]
  rownames(employees) <- NULL
  employer <- draw_respondents(firms, c(micro = 190, small = 150, medium = 110, large = 60),
                               c(micro = 0.55, small = 0.60, medium = 0.70, large = 0.80), response_industry)
  employee <- draw_respondents(employees, c(micro = 40, small = 80, medium = 150, large = 420),
                               c(micro = 0.50, small = 0.55, medium = 0.60, large = 0.65), response_industry)
  list(respondents = rbind(as_respondents(employer, "employer", 10001),
                           as_respondents(employee, "employee", 20001)),
       register = rbind(register_rows(firms, "firms", rep(1, nrow(firms))),
                        register_rows(employees, "employees", rep(1, nrow(employees)))))
}

# ---------------------------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------------------------

SIX_INDUSTRIES <- c(BCDE = 0.13, F = 0.15, GHI = 0.30, J = 0.08, M = 0.20, Q = 0.14)
RESPONSE_BY_INDUSTRY <- c(A = 0, BCDE = 1.0, F = 0.65, GHI = 0.85, J = 1.25, KL = 1.0, M = 1.15, Q = 0.9)

fixture_small <- function() {
  # Hand-checkable: 2 strata (= size_class micro / large), industry BCDE / GHI / M, region 1084 / 1082.
  register <- rbind(
    data.frame(population = "firms", variable = "stratum", category = c("micro", "large"), count = c(80, 20)),
    data.frame(population = "firms", variable = "industry", category = c("BCDE", "GHI", "M"), count = c(30, 45, 25)),
    data.frame(population = "firms", variable = "region", category = c("1084", "1082"), count = c(60, 40)),
    data.frame(population = "firms", variable = "size_class", category = c("micro", "large"), count = c(80, 20)),
    data.frame(population = "employees", variable = "stratum", category = c("micro", "large"),
               count = c(400, 3600)),
    data.frame(population = "employees", variable = "industry", category = c("BCDE", "GHI", "M"),
               count = c(1500, 1700, 800)),
    data.frame(population = "employees", variable = "region", category = c("1084", "1082"), count = c(2500, 1500)),
    data.frame(population = "employees", variable = "size_class", category = c("micro", "large"),
               count = c(400, 3600)))
  employer <- data.frame(
    size_class = c(rep("micro", 8), rep("large", 6)),
    industry = c("BCDE", "GHI", "GHI", "GHI", "M", "M", "GHI", "BCDE", "BCDE", "BCDE", "GHI", "M", "GHI", "BCDE"),
    region = c("1084", "1084", "1082", "1084", "1084", "1082", "1082", "1082", "1084", "1082", "1084", "1084",
               "1082", "1084"), stringsAsFactors = FALSE)
  employee <- data.frame(
    size_class = c(rep("micro", 6), rep("large", 10)),
    industry = c("GHI", "M", "BCDE", "GHI", "M", "GHI", "BCDE", "BCDE", "BCDE", "GHI", "GHI", "M", "BCDE", "GHI",
                 "M", "BCDE"),
    region = c("1084", "1084", "1082", "1082", "1084", "1084", "1084", "1082", "1084", "1084", "1082", "1084",
               "1082", "1084", "1082", "1084"), stringsAsFactors = FALSE)
  employer$stratum <- employer$size_class
  employee$stratum <- employee$size_class
  list(respondents = rbind(as_respondents(employer, "employer", 1), as_respondents(employee, "employee", 101)),
       register = register,
       settings = list(employer = list(population = "firms"), employee = list(population = "employees")))
}

fixture_oversampled <- function() {
  f <- synthetic_fixture(2025, 2000, SIX_INDUSTRIES, RESPONSE_BY_INDUSTRY)
  f$settings <- list(employer = list(population = "firms"), employee = list(population = "employees"))
  f
}

fixture_collapse <- function() {
  # Industry A is in the register but has no respondent (its response propensity is 0) and is merged into BCDE;
  # the employee survey also merges KL (which has respondents) into M, so the collapse acts on respondents too.
  industries <- c(A = 0.05, BCDE = 0.12, F = 0.14, GHI = 0.28, J = 0.08, KL = 0.07, M = 0.16, Q = 0.10)
  f <- synthetic_fixture(2026, 2000, industries, RESPONSE_BY_INDUSTRY)
  stopifnot(!any(f$respondents$industry == "A"), any(f$respondents$industry == "KL" &
                                                       f$respondents$survey == "employee"))
  f$settings <- list(employer = list(population = "firms", collapse = list(industry = list(A = "BCDE"))),
                     employee = list(population = "employees",
                                     collapse = list(industry = list(A = "BCDE", KL = "M"))))
  f
}

fixture_trimming <- function() {
  f <- synthetic_fixture(2027, 2000, SIX_INDUSTRIES, RESPONSE_BY_INDUSTRY)
  f$settings <- list(employer = list(population = "firms", trim = TRIM_K[["employer"]]),
                     employee = list(population = "employees", trim = TRIM_K[["employee"]]))
  f
}
TRIM_K <- c(employer = 5.6, employee = 2.51)

FIXTURES <- list(small = fixture_small, oversampled = fixture_oversampled, collapse = fixture_collapse,
                 trimming = fixture_trimming)

# ---------------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------------

write_csv <- function(df, path) {
  utils::write.csv(df, path, row.names = FALSE, quote = FALSE, eol = "\n")
}

yaml_number <- function(x) {
  s <- format(x, nsmall = 1)
  s
}

settings_yaml <- function(settings) {
  lines <- "surveys:"
  for (survey in SURVEYS) {
    s <- settings[[survey]]
    lines <- c(lines, paste0("  ", survey, ":"), paste0("    population: ", s$population),
               "    stratum: stratum", paste0("    margins: [", paste(MARGINS, collapse = ", "), "]"))
    if (!is.null(s$collapse)) {
      parts <- vapply(names(s$collapse), function(v) {
        rules <- s$collapse[[v]]
        paste0(v, ": {", paste(paste0(names(rules), ": ", unlist(rules)), collapse = ", "), "}")
      }, character(1))
      lines <- c(lines, paste0("    collapse: {", paste(parts, collapse = ", "), "}"))
    }
    if (!is.null(s$trim)) {
      lines <- c(lines, paste0("    trimming: {max_ratio_to_median: ", yaml_number(s$trim), "}"))
    }
  }
  c(lines, "raking:", paste0("  tolerance: ", JAVA_TOLERANCE), sprintf("  max_iterations: %d", JAVA_MAX_ITERATIONS))
}

build <- function(name, fixture) {
  dir <- file.path(OUT, name)
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  resp <- fixture$respondents
  register <- fixture$register
  register$count <- as.integer(register$count)
  stopifnot(all(register$count > 0))
  expected <- list()
  summary <- list()
  for (survey in SURVEYS) {
    r <- weigh(resp[resp$survey == survey, ], register, fixture$settings[[survey]], paste(name, survey))
    expected[[survey]] <- data.frame(survey = survey, respondent_id = r$respondent_id,
                                     design_weight = fmt(r$design_weight), weight = fmt(r$weight),
                                     stringsAsFactors = FALSE)
    summary[[survey]] <- summary_row(survey, r)
    message(sprintf(paste0("%-11s %-8s n=%4d  total=%6d  gap/total=%.2g  fixed-point drift=%.2g  ",
                           "first max/median=%.3f  k=%s  cap=%s  rounds=%d  trimmed=%d  last excesses=%s"),
                    name, survey, length(r$weight), as.integer(r$total), r$gap / r$total, r$drift,
                    r$first_max_ratio, ifelse(is.null(fixture$settings[[survey]]$trim), "-",
                                              fixture$settings[[survey]]$trim),
                    ifelse(is.na(r$cap), "-", sprintf("%.6g", r$cap)), r$rounds, r$trimmed,
                    if (is.null(r$last_excess)) "-" else paste(sprintf("%.3g", r$last_excess), collapse = " ")))
  }
  write_csv(resp, file.path(dir, "respondents.csv"))
  write_csv(register, file.path(dir, "register.csv"))
  writeLines(settings_yaml(fixture$settings), file.path(dir, "settings.yaml"))
  write_csv(do.call(rbind, expected), file.path(dir, "expected.csv"))
  write_csv(do.call(rbind, summary), file.path(dir, "expected_summary.csv"))
}

for (name in names(FIXTURES)) build(name, FIXTURES[[name]]())
