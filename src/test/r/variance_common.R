# Shared by variance_reference.R and comparison_reference.R: reading a weighting fixture and building its
# calibrated design with the outcome indicators of outcomes.csv. Sourced, it defines functions and constants only.
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "raking_common.R"))

QUESTIONS <- c("q1", "q2", "q3")

# calibrate(calfun = "raking") stops when every |misfit| / (1 + |population total|) < CAL_EPSILON.
CAL_EPSILON <- 1e-13
CAL_MAXIT <- 1000
# Tolerances of the checks.
WEIGHT_CHECK <- 1e-9     # calibrate() weights vs rake() weights and vs expected.csv (relative)

# Code order of conf/classifications.yaml (factor levels, row order of the output).
INDUSTRY_CODES <- c("A", "BCDE", "F", "GHI", "J", "KL", "M", "N", "O", "P", "Q", "RS")
REGION_CODES <- c("1084", "1085", "1083", "1082", "1081")
SIZE_CODES <- c("micro", "small", "medium", "large")
CODES_OF <- list(industry = INDUSTRY_CODES, region = REGION_CODES, size_class = SIZE_CODES)

rel_diff <- function(a, b) max(abs(a - b) / pmax(abs(b), .Machine$double.xmin))

# ---------------------------------------------------------------------------------------------------------------
# Reading a weighting fixture (register, collapse and raking helpers: raking_common.R)
# ---------------------------------------------------------------------------------------------------------------

read_codes_csv <- function(path) {
  utils::read.csv(path, colClasses = "character", stringsAsFactors = FALSE, na.strings = character(0))
}

# settings.yaml -> list(employer = list(population, collapse, trim), employee = ...), trim the trimming's
# max_ratio_to_median (NULL without trimming). Every other scalar is kept as a string (YAML 1.1 would read an
# industry code N as false, or a region code as a number). Only a caller that trims may read a trimming fixture.
read_settings <- function(path, trimming = FALSE) {
  keep <- function(x) x
  s <- yaml::read_yaml(path, handlers = list("bool#yes" = keep, "bool#no" = keep, int = keep, float = keep))
  if (!trimming && (!is.null(s$surveys$employer$trimming) || !is.null(s$surveys$employee$trimming))) {
    stop(path, ": trimming fixtures are not covered by the variance reference")
  }
  lapply(s$surveys[SURVEYS], function(x) list(population = x$population, collapse = x$collapse,
                                              trim = if (is.null(x$trimming)) NULL
                                                     else as.numeric(x$trimming$max_ratio_to_median)))
}

read_fixture <- function(root, name, trimming = FALSE) {
  dir <- file.path(root, name)
  resp <- read_codes_csv(file.path(dir, "respondents.csv"))
  resp$respondent_id <- as.integer(resp$respondent_id)
  register <- read_codes_csv(file.path(dir, "register.csv"))
  register$count <- as.numeric(register$count)
  expected <- read_codes_csv(file.path(dir, "expected.csv"))
  expected$respondent_id <- as.integer(expected$respondent_id)
  expected$design_weight <- as.numeric(expected$design_weight)
  expected$weight <- as.numeric(expected$weight)
  list(respondents = resp, register = register, settings = read_settings(file.path(dir, "settings.yaml"), trimming),
       expected = expected)
}

# The raking margins as calibrate() takes them: the margins as factors whose levels follow the classification order
# (restricted to the categories present), so the first level of each margin is the reference category of
# model.matrix, and the population vector in model.matrix column order.
raking_calibration <- function(variables, pop_margins, total, label) {
  for (v in MARGINS) {
    present <- CODES_OF[[v]][CODES_OF[[v]] %in% variables[[v]]]
    if (!all(variables[[v]] %in% present)) stop(label, ": unknown code of ", v)
    variables[[v]] <- factor(variables[[v]], levels = present)
  }
  formula <- ~industry + region + size_class
  mm <- model.matrix(formula, model.frame(formula, variables))
  pop <- c("(Intercept)" = total)
  for (i in seq_along(MARGINS)) {
    v <- MARGINS[i]
    lev <- levels(variables[[v]])
    target <- stats::setNames(pop_margins[[i]]$Freq, pop_margins[[i]][[v]])
    if (!setequal(names(target), lev)) stop(label, ": register and respondent categories of ", v, " differ")
    pop <- c(pop, stats::setNames(as.numeric(target[lev[-1]]), paste0(v, lev[-1])))
  }
  if (!identical(names(pop), colnames(mm))) stop(label, ": population vector is not in model.matrix order")
  list(variables = variables, formula = formula, population = pop)
}

# ---------------------------------------------------------------------------------------------------------------
# Designs
# ---------------------------------------------------------------------------------------------------------------

# Builds design A (calibrate, raking calfun) and design B (rake) for one survey, with the outcome indicators.
build_designs <- function(resp, outcomes, register, settings, expected, label) {
  population <- settings$population
  N_h <- register_margin(register, population, "stratum")
  n_h <- table(resp$stratum)
  if (!all(names(n_h) %in% names(N_h))) stop(label, ": a stratum of the sample is not in the register")
  if (!all(names(N_h) %in% names(n_h))) stop(label, ": a register stratum has no respondents")
  if (any(n_h < 2)) stop(label, ": a stratum has a single respondent (lonely PSU)")
  stopifnot(identical(resp$respondent_id, outcomes$respondent_id))
  data <- resp
  data$N <- as.numeric(N_h[data$stratum])
  data$d <- data$N / as.numeric(n_h[data$stratum])
  # Domains use the original codes (collapse rules of these fixtures only touch industry).
  data$domain_size_class <- resp$size_class
  data$domain_region <- resp$region
  for (v in MARGINS) data[[v]] <- collapse_codes(data[[v]], settings$collapse[[v]])
  pop_margins <- lapply(MARGINS, function(v)
    population_margin(register_margin(register, population, v), v, settings$collapse[[v]]))
  total <- sum(N_h)
  for (pm in pop_margins) if (abs(sum(pm$Freq) - total) > 0) stop(label, ": register margins have different totals")
  # Outcome indicators on the full sample: y = answer 1, b = valid answer (1 or 2); 9 and NA -> 0 in both. The
  # item as svyciprop takes it: 1 / 0 on a valid answer, NA otherwise (item non-response).
  for (q in QUESTIONS) {
    a <- outcomes[[q]]
    data[[paste0("y_", q)]] <- as.numeric(!is.na(a) & a == 1L)
    data[[paste0("b_", q)]] <- as.numeric(!is.na(a) & a %in% c(1L, 2L))
    data[[paste0("item_", q)]] <- ifelse(data[[paste0("b_", q)]] == 1, data[[paste0("y_", q)]], NA_real_)
  }

  design <- svydesign(ids = ~1, strata = ~stratum, weights = ~d, fpc = ~N, data = data)

  # Design B: rake() exactly as weighting_reference.R.
  design_b <- rake_to_margins(design, pop_margins, total, label)$design

  # Design A: calibrate() with the raking calibration function on the same margins.
  cal <- raking_calibration(design$variables, pop_margins, total, label)
  design$variables <- cal$variables
  formula <- cal$formula
  pop <- cal$population
  mm <- model.matrix(formula, model.frame(formula, design$variables))
  design_a <- withCallingHandlers(
    calibrate(design, formula, population = pop, calfun = "raking", epsilon = CAL_EPSILON, maxit = CAL_MAXIT),
    warning = function(w) stop(label, ": calibrate() warned: ", conditionMessage(w)))

  # Same raking solution: calibrate weights == rake weights == expected.csv weights.
  wa <- weights(design_a)
  wb <- weights(design_b)
  ex <- expected[expected$survey == resp$survey[1], ]
  stopifnot(identical(ex$respondent_id, resp$respondent_id))
  dw <- c(a_vs_b = rel_diff(wa, wb), a_vs_expected = rel_diff(wa, ex$weight),
          d_vs_expected = rel_diff(data$d, ex$design_weight))
  if (any(dw > WEIGHT_CHECK)) {
    stop(sprintf("%s: calibrate and rake weights differ: %s", label, paste(names(dw), sprintf("%.3g", dw),
                                                                            collapse = ", ")))
  }
  list(a = design_a, b = design_b, mm = mm, data = data, n_h = n_h, N_h = N_h, weight_diff = dw)
}
