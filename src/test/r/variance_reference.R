#!/usr/bin/env Rscript
# R reference for standard errors and confidence intervals of weighted shares after raking.
#
# Usage (from the repository root):
#   Rscript src/test/r/variance_reference.R src/test/resources/weighting src/test/resources/variance
#
# For the weighting fixtures small, oversampled and collapse (not trimming) and both surveys it
#   1. reads respondents.csv, register.csv and settings.yaml of src/test/resources/weighting/<fixture>/ and builds the
#      design (d = N_h / n_h, collapse rules on the margins) the same way as weighting_reference.R;
#   2. makes deterministic synthetic answers q1, q2, q3 (1 = success, 2 = no success, 9 = don't know, NA = not asked)
#      and writes them to <out>/<fixture>/outcomes.csv;
#   3. computes, for every outcome (q1-q3, and q2 among those with q1 = 1) and for the domains total / size_class /
#      region, the share of code 1 among the valid answers (codes 1 and 2) with its linearisation standard error under
#        design A: calibrate(calfun = "raking") to the margins (GREG-type residual variance; the reference), and
#        design B: rake() exactly as in weighting_reference.R (survey's iterated post-stratification approximation),
#      the 95 % logit confidence interval of svyciprop() under design A on the domain's design (its df = degf counts
#      the domain's respondents with or without a valid answer), the unweighted base n and the design effect;
#      and writes <out>/<fixture>/expected_variance.csv.
# It re-implements the design-A variance with plain matrix algebra (the spec the Java code mirrors) and stops when
# the hand computation differs from survey's by more than 1e-10 relative. Re-running writes byte-identical files.
# See the section "Variance reference" of src/test/r/README.md.
#
# Needs R >= 4.0, the survey package (developed against survey 4.1.1) and the yaml package:
#   apt-get install r-base-core r-cran-survey r-cran-yaml

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "variance_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) {
  stop("usage: Rscript src/test/r/variance_reference.R <weighting fixtures, e.g. src/test/resources/weighting> ",
       "<output directory, e.g. src/test/resources/variance>")
}
IN <- args[1]
OUT <- args[2]
if (packageVersion("survey") < "4.0") stop("survey >= 4.0 is required, found ", packageVersion("survey"))
if (!requireNamespace("yaml", quietly = TRUE)) stop("the yaml package is required (apt-get install r-cran-yaml)")

# survey's global options that the variance depends on, pinned to their defaults so a user's profile cannot change
# the reference. No stratum has a single respondent in these fixtures (checked below), so lonely.psu never acts.
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE, survey.ultimate.cluster = FALSE)

# ---------------------------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------------------------

FIXTURES <- c("small", "oversampled", "collapse")
# One seed per fixture for the synthetic answers.
OUTCOME_SEED <- c(small = 4101, oversampled = 4102, collapse = 4103)

# The shares estimated: each question on its valid answers, and q2 "among those who said yes to q1", an indicator
# with a base_where ("q1 = 1"). R expresses such a base as a subpopulation, like a domain: svyciprop on
# design[domain & q1 == 1, ], whose degf counts its respondents whatever they answered to q2.
OUTCOMES <- list(q1 = list(question = "q1", base = NULL), q2 = list(question = "q2", base = NULL),
                 q3 = list(question = "q3", base = NULL), q2_if_q1 = list(question = "q2", base = "q1"))
DOMAINS <- c("size_class", "region")

# Tolerances of the checks.
HAND_CHECK <- 1e-10      # hand-computed estimate / SE / deff vs survey's (relative)
ROUTE_CHECK <- 1e-10     # svyratio on the full design vs svyby vs svymean on the subset (relative)
CI_CHECK <- 1e-7         # svyciprop interval and estimate vs the closed form / the ratio (relative): svyglm's IRLS

# Synthetic answers. P(code 9) = P_DONT_KNOW; otherwise P(code 1) = plogis(intercept[q] + survey + industry + size).
P_DONT_KNOW <- 0.065
OUTCOME_INTERCEPT <- c(q1 = 0.0, q2 = -0.9, q3 = 0.7)
SURVEY_EFFECT <- c(employer = 0.0, employee = 0.25)
INDUSTRY_EFFECT <- c(A = 0.0, BCDE = 0.5, F = -0.7, GHI = 0.0, J = 1.1, KL = 0.3, M = 0.8, N = 0.0, O = 0.0,
                     P = 0.0, Q = -0.4, RS = 0.0)
SIZE_EFFECT <- c(micro = -0.8, small = -0.2, medium = 0.3, large = 0.9)

# ---------------------------------------------------------------------------------------------------------------
# Synthetic answers
# ---------------------------------------------------------------------------------------------------------------

# One row per respondent of respondents.csv, in file order (employer then employee). For each respondent three
# uniforms u1, u2, u3 are drawn (runif(3 * n) filled row by row, i.e. u1, u2, u3 of the first respondent, then of the
# second, ...). With p = plogis(OUTCOME_INTERCEPT[q] + SURVEY_EFFECT[survey] + INDUSTRY_EFFECT[industry] +
# SIZE_EFFECT[size_class]) on the ORIGINAL codes:
#   code 9 if u < P_DONT_KNOW; else code 1 if (u - P_DONT_KNOW) / (1 - P_DONT_KNOW) < p; else code 2.
# Routing: q3 is not asked (NA) when region is 1083 or 1081, or when region is 1082 and size_class is micro. The
# uniform of q3 is drawn for every respondent, so the routing does not shift the random stream.
make_outcomes <- function(resp, seed) {
  RNGkind("Mersenne-Twister", "Inversion", "Rejection")
  set.seed(seed)
  n <- nrow(resp)
  u <- matrix(stats::runif(3 * n), ncol = 3, byrow = TRUE)
  out <- data.frame(survey = resp$survey, respondent_id = resp$respondent_id, stringsAsFactors = FALSE)
  for (k in seq_along(QUESTIONS)) {
    q <- QUESTIONS[k]
    eta <- OUTCOME_INTERCEPT[[q]] + SURVEY_EFFECT[resp$survey] + INDUSTRY_EFFECT[resp$industry] +
      SIZE_EFFECT[resp$size_class]
    if (any(is.na(eta))) stop("unknown survey, industry or size_class code")
    p <- stats::plogis(eta)
    code <- ifelse(u[, k] < P_DONT_KNOW, 9L, ifelse((u[, k] - P_DONT_KNOW) / (1 - P_DONT_KNOW) < p, 1L, 2L))
    out[[q]] <- as.integer(code)
  }
  not_asked <- resp$region %in% c("1083", "1081") | (resp$region == "1082" & resp$size_class == "micro")
  out$q3[not_asked] <- NA_integer_
  out
}

# ---------------------------------------------------------------------------------------------------------------
# The variance by hand (the spec for the Java code)
# ---------------------------------------------------------------------------------------------------------------

# Stratified variance of a total of the linearised values u (one per respondent), with replacement within strata
# of n_h respondents, times the finite-population correction 1 - n_h / N_h:
#   V = sum_h (1 - n_h / N_h) * n_h / (n_h - 1) * sum_{i in h} (u_i - mean_h(u))^2.
strat_var <- function(u, stratum, n_h, N_h) {
  v <- 0
  for (h in names(n_h)) {
    uh <- u[stratum == h]
    nh <- length(uh)
    stopifnot(nh == n_h[[h]])
    f <- (N_h[[h]] - nh) / N_h[[h]]
    v <- v + f * nh / (nh - 1) * sum((uh - mean(uh))^2)
  }
  v
}

# The indicator matrix of the calibration margins: one 0/1 column per (collapsed) category of industry, region and
# size_class, no intercept. It is singular (the columns of each margin sum to the same all-ones vector, so the rank is
# at most #industry + #region + #size_class - 2); the residual below does not depend on how that is resolved.
indicator_matrix <- function(data) {
  do.call(cbind, lapply(MARGINS, function(v) {
    lev <- CODES_OF[[v]][CODES_OF[[v]] %in% data[[v]]]
    m <- outer(data[[v]], lev, "==") + 0
    colnames(m) <- paste0(v, lev)
    m
  }))
}

# Share sum(w y) / sum(w b) of a domain and its linearisation SE under design A, by plain matrix algebra.
#   z_i = (y_i - R b_i) / sum(w b)                         linearised variable of the ratio (0 outside the domain)
#   e   = z - X beta, beta = argmin sum_i d_i (z_i - X_i beta)^2   residual of the DESIGN-weighted least squares fit on
#                                                           the indicator matrix X (all respondents of the survey)
#   u_i = w_i e_i                                           residual times the FINAL (calibrated) weight
#   V   = strat_var(u)
# The weighted fit is an ordinary QR of sqrt(d) X (rank-revealing: columns found dependent are dropped).
hand_ratio_a <- function(y, b, w, d, X, stratum, n_h, N_h) {
  R <- sum(w * y) / sum(w * b)
  z <- (y - R * b) / sum(w * b)
  e <- qr.resid(qr(sqrt(d) * X), sqrt(d) * z) / sqrt(d)
  u <- w * e
  list(estimate = R, se = sqrt(strat_var(u, stratum, n_h, N_h)), u = u)
}

# survey's variance for rake() designs: 10 sweeps over the margins of  x <- x - w * ave(x / w, category), i.e. the
# residual of an iterated UNWEIGHTED mean-centring of z within the categories of each margin (backfitting, stopped
# after 10 sweeps), times the final weights. (survey uses the weights after each margin's post-stratification in
# the last rake sweep; at convergence they equal the final weights.)
hand_ratio_b <- function(y, b, w, margins, stratum, n_h, N_h) {
  R <- sum(w * y) / sum(w * b)
  x <- w * (y - R * b) / sum(w * b)
  for (it in 1:10) for (m in margins) x <- x - w * stats::ave(x / w, m)
  sqrt(strat_var(x, stratum, n_h, N_h))
}

# Design effect against simple random sampling without replacement of n from the estimated domain size N_d:
#   deff = V / ( p (1 - p) * n / (n - 1) / n * (1 - n / N_d) ),  N_d = sum of final weights of the valid answers
#   in the domain (as svymean(deff = TRUE) on the subset).
hand_deff <- function(v, p, n, N_d) v / (p * (1 - p) * n / (n - 1) * (N_d - n) / (N_d * n))

# 95 % logit interval of svyciprop(method = "logit"): expit(logit(p) +- t * se / (p (1 - p))) with
# t = qt(0.975, df), df = degf of the design svyciprop is given: the respondents of the domain (within the base
# subpopulation), answered or not, less the number of strata they are in.
hand_ci <- function(p, se, df) {
  # (survey::confint.svyglm passes the level 1 - 2 pnorm(qt(0.025, df)) to confint.default, which takes qnorm of it
  # again: the same t up to rounding.)
  t <- stats::qt(0.975, df)
  stats::plogis(stats::qlogis(p) + c(-1, 1) * t * se / (p * (1 - p)))
}

# ---------------------------------------------------------------------------------------------------------------
# Estimates of one survey
# ---------------------------------------------------------------------------------------------------------------

estimate_survey <- function(des, survey, label) {
  data <- des$data
  w <- weights(des$a)
  wb <- weights(des$b)
  d <- data$d
  X <- indicator_matrix(data)
  rank_x <- qr(sqrt(d) * X)$rank
  if (rank_x != qr(des$mm)$rank || rank_x != ncol(X) - 2) {
    stop(sprintf("%s: indicator matrix rank %d, model matrix rank %d, %d columns", label, rank_x, qr(des$mm)$rank,
                 ncol(X)))
  }
  stratum <- data$stratum
  margins_b <- lapply(MARGINS, function(v) as.integer(factor(data[[v]])))
  rows <- list()
  worst <- c(hand_a = 0, hand_b = 0, routes = 0, ci = 0, deff = 0, ciprop_est = 0, b_over_a = 0)
  skipped <- character(0)
  with_nonresponse <- 0  # rows whose domain has respondents without a valid answer (their df is larger)

  domain_list <- list(list(domain = "total", value = "all", in_dom = rep(TRUE, nrow(data))))
  for (dv in DOMAINS) {
    col <- data[[paste0("domain_", dv)]]
    for (cat in CODES_OF[[dv]][CODES_OF[[dv]] %in% col]) {
      domain_list[[length(domain_list) + 1]] <- list(domain = dv, value = cat, in_dom = col == cat)
    }
  }

  for (q in names(OUTCOMES)) {
    question <- OUTCOMES[[q]]$question
    yq <- data[[paste0("y_", question)]]
    bq <- data[[paste0("b_", question)]]
    base <- OUTCOMES[[q]]$base
    in_base <- if (is.null(base)) rep(TRUE, nrow(data)) else data[[paste0("y_", base)]] == 1
    for (dm in domain_list) {
      in_scope <- dm$in_dom & in_base
      dom <- as.numeric(in_scope)
      y <- yq * dom
      b <- bq * dom
      valid <- b == 1
      n <- sum(valid)
      where <- sprintf("%s %s %s=%s", label, q, dm$domain, dm$value)
      if (n < 2) { skipped <- c(skipped, sprintf("%s (n=%d)", where, n)); next }

      # Route 1: svyratio on the full design with the domain folded into y and b.
      des_a <- des$a
      des_a$variables$yy <- y
      des_a$variables$bb <- b
      des_b <- des$b
      des_b$variables$yy <- y
      des_b$variables$bb <- b
      ra <- svyratio(~yy, ~bb, des_a)
      rb <- svyratio(~yy, ~bb, des_b)
      est <- as.numeric(coef(ra))
      se_a <- as.numeric(SE(ra))
      se_b <- as.numeric(SE(rb))
      if (est <= 0 || est >= 1 || !(se_a > 0) || !(se_b > 0)) {
        skipped <- c(skipped, sprintf("%s (n=%d, estimate %.3g: SE 0, logit CI undefined)", where, n, est))
        next
      }

      # Route 2: svyratio(~y, ~b) on the domain subset of the design, which is what svyby(~y, ~domain,
      # denominator = ~b, FUN = svyratio) computes per domain (svyby itself is not called: it also evaluates the
      # domains without a valid answer, where the ratio is 0 / 0 and survey's residual step fails on the NaN).
      r2 <- svyratio(as.formula(paste0("~y_", question)), as.formula(paste0("~b_", question)), des$a[in_scope, ])
      est2 <- as.numeric(coef(r2)); se2 <- as.numeric(SE(r2))
      # Route 3: svymean on the subset of valid answers in the domain (with the design effect).
      sub_a <- des_a[valid, ]
      m3 <- svymean(~yy, sub_a, deff = TRUE)
      est3 <- as.numeric(coef(m3)); se3 <- as.numeric(SE(m3)); deff <- as.numeric(deff(m3))
      worst["routes"] <- max(worst["routes"], rel_diff(c(est2, est3, se2, se3), c(est, est, se_a, se_a)))

      # svyciprop logit interval on the domain (within the base), its item NA where the answer is not valid:
      # svyglm leaves those rows out of the fit, but the df is degf of the design given, so they count in it.
      # (na.rm only reaches svymean's variance attribute. summary.glm warns that the zero-weight rows outside the
      # subset are not used for the dispersion; the dispersion does not enter the interval.)
      scope_a <- des$a[in_scope, ]
      cp <- withCallingHandlers(
        svyciprop(as.formula(paste0("~item_", question)), scope_a, method = "logit", na.rm = TRUE),
        warning = function(w) {
          if (grepl("observations with zero weight not used", conditionMessage(w))) invokeRestart("muffleWarning")
        })
      ci <- as.numeric(attr(cp, "ci"))
      df <- degf(scope_a)
      worst["ciprop_est"] <- max(worst["ciprop_est"], rel_diff(as.numeric(cp), est))
      if (!all(is.finite(ci))) {
        skipped <- c(skipped, sprintf("%s (n=%d, df=%d: logit CI undefined)", where, n, df))
        next
      }

      # The hand computation (spec).
      ha <- hand_ratio_a(y, b, w, d, X, stratum, des$n_h, des$N_h)
      hb <- hand_ratio_b(y, b, wb, margins_b, stratum, des$n_h, des$N_h)
      stopifnot(df == sum(in_scope) - length(unique(stratum[in_scope])))
      if (df > n - length(unique(stratum[valid]))) with_nonresponse <- with_nonresponse + 1
      hd <- hand_deff(ha$se^2, ha$estimate, n, sum(w[valid]))
      hc <- hand_ci(ha$estimate, ha$se, df)
      # The interval written is the closed form on survey's own ratio, SE and degf: svyciprop's IRLS reaches it to
      # about 1e-8 only (checked at CI_CHECK), the closed form is what a 1e-9 comparison needs.
      ci_closed <- hand_ci(est, se_a, df)
      worst["ci"] <- max(worst["ci"], rel_diff(ci_closed, ci))
      worst["hand_a"] <- max(worst["hand_a"], rel_diff(c(ha$estimate, ha$se), c(est, se_a)))
      worst["hand_b"] <- max(worst["hand_b"], rel_diff(hb, se_b))
      worst["deff"] <- max(worst["deff"], rel_diff(hd, deff))
      worst["ci"] <- max(worst["ci"], rel_diff(hc, ci))
      worst["b_over_a"] <- max(worst["b_over_a"], abs(se_b / se_a - 1))

      rows[[length(rows) + 1]] <- data.frame(
        survey = survey, outcome = q, domain = dm$domain, domain_value = dm$value, n = n, estimate = fmt(est),
        se_calibrate = fmt(se_a), se_rake = fmt(se_b), ci_low = fmt(ci_closed[1]), ci_high = fmt(ci_closed[2]),
        df = df, deff = fmt(deff),
        stringsAsFactors = FALSE)
    }
  }
  if (worst["hand_a"] > HAND_CHECK) stop(sprintf("%s: hand design-A estimate/SE differs by %.3g", label,
                                                 worst["hand_a"]))
  if (worst["hand_b"] > HAND_CHECK) stop(sprintf("%s: hand design-B SE differs by %.3g", label, worst["hand_b"]))
  if (worst["deff"] > HAND_CHECK) stop(sprintf("%s: hand deff differs by %.3g", label, worst["deff"]))
  if (worst["routes"] > ROUTE_CHECK) stop(sprintf("%s: svyratio / svyby / svymean differ by %.3g", label,
                                                  worst["routes"]))
  if (worst["ci"] > CI_CHECK) stop(sprintf("%s: svyciprop interval differs from the closed form by %.3g", label,
                                           worst["ci"]))
  if (worst["ciprop_est"] > CI_CHECK) stop(sprintf("%s: svyciprop estimate differs from the ratio by %.3g", label,
                                                   worst["ciprop_est"]))
  if (with_nonresponse == 0) stop(label, ": no row has item non-response in its domain")
  list(rows = do.call(rbind, rows), worst = worst, skipped = skipped, with_nonresponse = with_nonresponse)
}

# ---------------------------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------------------------

write_csv <- function(df, path) {
  utils::write.csv(df, path, row.names = FALSE, quote = FALSE, eol = "\n", na = "")
}

for (name in FIXTURES) {
  fx <- read_fixture(IN, name)
  outcomes <- make_outcomes(fx$respondents, OUTCOME_SEED[[name]])
  dir <- file.path(OUT, name)
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  write_csv(outcomes, file.path(dir, "outcomes.csv"))
  result <- list()
  for (survey in SURVEYS) {
    label <- paste(name, survey)
    keep <- fx$respondents$survey == survey
    des <- build_designs(fx$respondents[keep, ], outcomes[keep, ], fx$register, fx$settings[[survey]], fx$expected,
                         label)
    r <- estimate_survey(des, survey, label)
    result[[survey]] <- r$rows
    o <- outcomes[keep, ]
    message(sprintf(paste0("%-11s %-8s n=%4d rows=%3d  weights A/B %.2g  hand A %.2g  hand B %.2g  routes %.2g  ",
                           "deff %.2g  CI %.2g  ciprop est %.2g  max |se_rake/se_cal - 1| %.4f  ",
                           "code 9 (of the asked): %.1f%%  q3 NA: %.1f%%  rows with item non-response: %d"),
                    name, survey, nrow(o), nrow(r$rows), des$weight_diff[["a_vs_b"]], r$worst[["hand_a"]],
                    r$worst[["hand_b"]], r$worst[["routes"]], r$worst[["deff"]], r$worst[["ci"]],
                    r$worst[["ciprop_est"]], r$worst[["b_over_a"]],
                    100 * mean(stats::na.omit(c(o$q1, o$q2, o$q3)) == 9L), 100 * mean(is.na(o$q3)),
                    r$with_nonresponse))
    for (s in r$skipped) message("  skipped: ", s)
  }
  write_csv(do.call(rbind, result), file.path(dir, "expected_variance.csv"))
}
