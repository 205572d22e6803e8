#!/usr/bin/env Rscript
# R reference for comparisons of two domains of one wave: the difference p1 - p2 and the ratio p1 / p2 of two
# weighted shares estimated on the same sample, with standard errors that count their covariance.
#
# Usage (from the repository root):
#   Rscript src/test/r/comparison_reference.R src/test/resources/weighting src/test/resources/variance \
#     src/test/resources/comparisons
#
# For the weighting fixtures oversampled and collapse and both surveys it builds design A of variance_reference.R
# (calibrate(calfun = "raking") on the stratified design with fpc) with the answers of the variance fixture's
# outcomes.csv, and for every comparison of COMPARISONS and outcome q1, q3:
#   1. folds each group into the share's numerator and base (y_g = y * in_g, b_g = b * in_g) and estimates both
#      ratios on the full design with their covariance: svyratio(~y1 + y2, ~b1 + b2, design, covmat = TRUE);
#   2. difference and its SE: svycontrast(c(p1 = 1, p2 = -1)); 95 % interval difference +- qnorm(0.975) SE (as
#      confint() of svycontrast's result); p = 2 pnorm(-|difference / SE|);
#   3. ratio by the delta method: svycontrast(quote(p1 / p2)) for the ratio's SE, svycontrast(quote(log(p1 / p2)))
#      for the SE of the log ratio; 95 % interval exp(log ratio +- qnorm(0.975) SE_log); p of ratio = 1 from
#      log ratio / SE_log;
#   4. both p-values adjusted by p.adjust(method = "BH") over the survey's comparisons, each measure apart.
# svyby(covmat = TRUE) is the usual route to the covariance of domain estimates, but survey 4.1.1 stops with
# "number of items to replace is not a multiple of replacement length" on a calibrated or raked design; the script
# checks on the stratified design before calibration that the folded svyratio gives svyby's covariance matrix, for
# the comparisons of two size classes (disjoint groups, as svyby needs). Groups may overlap (a region against a size
# class, a size class against the total): the folded route covers them.
# Re-running writes byte-identical files. See the section "Comparison reference" of src/test/r/README.md.
#
# Needs R >= 4.0, the survey package (developed against survey 4.1.1) and the yaml package.

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "variance_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) {
  stop("usage: Rscript src/test/r/comparison_reference.R <weighting fixtures> <variance fixtures> <output directory>")
}
IN <- args[1]
VARIANCE <- args[2]
OUT <- args[3]
if (packageVersion("survey") < "4.0") stop("survey >= 4.0 is required, found ", packageVersion("survey"))
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE, survey.ultimate.cluster = FALSE)

FIXTURES <- c("oversampled", "collapse")
OUTCOMES <- c("q1", "q3")
# Group 1 against group 2: (domain, value) each; 'total' / 'all' is every respondent.
COMPARISONS <- list(
  list(c("size_class", "micro"), c("size_class", "large")),
  list(c("size_class", "small"), c("size_class", "medium")),
  list(c("region", "1084"), c("size_class", "large")),
  list(c("size_class", "large"), c("total", "all")))
ROUTE_CHECK <- 1e-10  # folded svyratio vs svyby, covariance matrix on the stratified design (relative to its max)
Z <- stats::qnorm(0.975)

in_group <- function(data, group) {
  if (group[1] == "total") rep(TRUE, nrow(data)) else data[[paste0("domain_", group[1])]] == group[2]
}

# The two shares of a comparison with their covariance, as an svystat that svycontrast takes by the names p1, p2.
two_shares <- function(design, question, g1, g2) {
  v <- design$variables
  y <- v[[paste0("y_", question)]]
  b <- v[[paste0("b_", question)]]
  design$variables$y1 <- y * in_group(v, g1)
  design$variables$b1 <- b * in_group(v, g1)
  design$variables$y2 <- y * in_group(v, g2)
  design$variables$b2 <- b * in_group(v, g2)
  r <- svyratio(~y1 + y2, ~b1 + b2, design, covmat = TRUE)
  keep <- c("y1/b1", "y2/b2")
  structure(stats::setNames(coef(r)[keep], c("p1", "p2")),
            var = matrix(vcov(r)[keep, keep], 2, 2, dimnames = list(c("p1", "p2"), c("p1", "p2"))),
            statistic = "ratio", class = "svystat")
}

# The stratified design before calibration: svyby's covariance of the size classes equals the folded route's.
check_route <- function(data, question, label) {
  d0 <- svydesign(ids = ~1, strata = ~stratum, weights = ~d, fpc = ~N, data = data)
  by <- svyby(as.formula(paste0("~y_", question)), ~domain_size_class, denominator = as.formula(paste0("~b_", question)),
              design = d0, FUN = svyratio, covmat = TRUE)
  worst <- 0
  for (cmp in COMPARISONS) {
    if (cmp[[1]][1] != "size_class" || cmp[[2]][1] != "size_class") next
    s <- two_shares(d0, question, cmp[[1]], cmp[[2]])
    keep <- c(cmp[[1]][2], cmp[[2]][2])
    expected <- vcov(by)[keep, keep]
    worst <- max(worst, max(abs(attr(s, "var") - expected)) / max(abs(expected)))
  }
  if (worst > ROUTE_CHECK) stop(sprintf("%s %s: folded svyratio and svyby covariances differ by %.3g", label,
                                        question, worst))
  worst
}

compare <- function(des, survey, label) {
  rows <- list()
  worst <- 0
  for (question in OUTCOMES) {
    worst <- max(worst, check_route(des$data, question, label))
    for (cmp in COMPARISONS) {
      g1 <- cmp[[1]]
      g2 <- cmp[[2]]
      s <- two_shares(des$a, question, g1, g2)
      p <- coef(s)
      difference <- svycontrast(s, c(p1 = 1, p2 = -1))
      ratio <- svycontrast(s, quote(p1 / p2))
      log_ratio <- svycontrast(s, quote(log(p1 / p2)))
      d <- as.numeric(coef(difference))
      se_d <- as.numeric(SE(difference))
      ci_d <- as.numeric(confint(difference))
      if (abs(ci_d[1] - (d - Z * se_d)) > 1e-12) stop(label, ": confint of svycontrast is not the normal interval")
      lr <- as.numeric(coef(log_ratio))
      se_lr <- as.numeric(SE(log_ratio))
      r <- as.numeric(coef(ratio))
      se_r <- as.numeric(SE(ratio))
      if (abs(se_r - r * se_lr) > 1e-12 * se_r) stop(label, ": delta-method SEs of ratio and log ratio disagree")
      rows[[length(rows) + 1]] <- data.frame(
        survey = survey, outcome = question, domain_1 = g1[1], value_1 = g1[2], domain_2 = g2[1], value_2 = g2[2],
        estimate_1 = fmt(p[["p1"]]), estimate_2 = fmt(p[["p2"]]), covariance = fmt(attr(s, "var")[1, 2]),
        difference = fmt(d), se_difference = fmt(se_d), difference_ci_low = fmt(ci_d[1]),
        difference_ci_high = fmt(ci_d[2]), difference_p = fmt(2 * stats::pnorm(-abs(d / se_d))),
        ratio = fmt(r), se_ratio = fmt(se_r), se_log_ratio = fmt(se_lr), ratio_ci_low = fmt(exp(lr - Z * se_lr)),
        ratio_ci_high = fmt(exp(lr + Z * se_lr)), ratio_p = fmt(2 * stats::pnorm(-abs(lr / se_lr))),
        stringsAsFactors = FALSE)
    }
  }
  out <- do.call(rbind, rows)
  # The family of the Benjamini-Hochberg adjustment: every comparison of the survey (in the wave), each measure apart.
  out$difference_p_adjusted <- fmt(stats::p.adjust(as.numeric(out$difference_p), method = "BH"))
  out$ratio_p_adjusted <- fmt(stats::p.adjust(as.numeric(out$ratio_p), method = "BH"))
  list(rows = out, worst = worst)
}

write_csv <- function(df, path) {
  utils::write.csv(df, path, row.names = FALSE, quote = FALSE, eol = "\n", na = "")
}

for (name in FIXTURES) {
  fx <- read_fixture(IN, name)
  outcomes <- read_codes_csv(file.path(VARIANCE, name, "outcomes.csv"))
  outcomes$respondent_id <- as.integer(outcomes$respondent_id)
  for (q in QUESTIONS) outcomes[[q]] <- suppressWarnings(as.integer(outcomes[[q]]))
  result <- list()
  for (survey in SURVEYS) {
    label <- paste(name, survey)
    keep <- fx$respondents$survey == survey
    des <- build_designs(fx$respondents[keep, ], outcomes[keep, ], fx$register, fx$settings[[survey]], fx$expected,
                         label)
    r <- compare(des, survey, label)
    result[[survey]] <- r$rows
    message(sprintf("%-11s %-8s rows=%2d  folded svyratio vs svyby covariance %.2g  largest |covariance| %.3g",
                    name, survey, nrow(r$rows), r$worst, max(abs(as.numeric(r$rows$covariance)))))
  }
  dir <- file.path(OUT, name)
  dir.create(dir, recursive = TRUE, showWarnings = FALSE)
  write_csv(do.call(rbind, result), file.path(dir, "expected_comparisons.csv"))
}
