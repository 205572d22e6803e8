#!/usr/bin/env Rscript
# R reference for the bootstrap standard errors of the indicators (dk.barometer.estimation.BootstrapVariance).
#
# Usage (from the repository root):
#   Rscript src/test/r/bootstrap_se_reference.R src/test/resources
#
# For both surveys of the fixture `collapse` it
#   1. reads the respondents (weighting/collapse/respondents.csv), their answers q1-q3 (variance/collapse/outcomes.csv)
#      and their final and replicate weights (replicates/expected.csv, written by replicate_reference.R);
#   2. builds svrepdesign(type = "bootstrap", weights = ~weight, repweights = w1.., combined.weights = TRUE), whose
#      variance is scale * sum_r (theta_r - mean theta)^2 with scale = 1 / (B - 1) (mse = FALSE);
#   3. for q1-q3 and q2 among those with q1 = 1, in the domains total / size_class / region, estimates the share of
#      code 1 among the valid answers (codes 1 and 2) with svymean on the subset of the valid answers in the domain,
#      checks the standard error against the same formula by hand, and writes replicates/expected_bootstrap_se.csv.
# Re-running writes byte-identical files. See src/test/r/README.md.

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "variance_common.R"))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript src/test/r/bootstrap_se_reference.R <test resources, e.g. src/test/resources>")
ROOT <- args[1]
FIXTURE <- "collapse"
HAND_CHECK <- 1e-10
OUTCOMES <- list(q1 = list(question = "q1", base = NULL), q2 = list(question = "q2", base = NULL),
                 q3 = list(question = "q3", base = NULL), q2_if_q1 = list(question = "q2", base = "q1"))
DOMAINS <- c("size_class", "region")
options(survey.replicates.mse = FALSE)

read_plain <- function(path) utils::read.csv(path, colClasses = "character", stringsAsFactors = FALSE)
resp <- read_plain(file.path(ROOT, "weighting", FIXTURE, "respondents.csv"))
answers <- read_plain(file.path(ROOT, "variance", FIXTURE, "outcomes.csv"))
weights_csv <- read_plain(file.path(ROOT, "replicates", "expected.csv"))

rows <- list()
for (survey in SURVEYS) {
  data <- merge(resp[resp$survey == survey, ], answers[answers$survey == survey, names(answers) != "survey"],
                by = "respondent_id", sort = FALSE)
  wt <- weights_csv[weights_csv$survey == survey, ]
  data <- data[match(wt$respondent_id, data$respondent_id), ]
  stopifnot(identical(data$respondent_id, wt$respondent_id))
  rep_cols <- grep("^w[0-9]+$", names(wt), value = TRUE)
  W <- sapply(rep_cols, function(c) as.numeric(wt[[c]]))
  data$weight <- as.numeric(wt$weight)
  B <- ncol(W)
  design <- svrepdesign(data = data, repweights = W, weights = ~weight, type = "bootstrap", combined.weights = TRUE)

  domain_list <- list(list(domain = "total", value = "all", in_dom = rep(TRUE, nrow(data))))
  for (dv in DOMAINS) {
    for (cat in CODES_OF[[dv]][CODES_OF[[dv]] %in% data[[dv]]]) {
      domain_list[[length(domain_list) + 1]] <- list(domain = dv, value = cat, in_dom = data[[dv]] == cat)
    }
  }
  worst <- 0
  for (q in names(OUTCOMES)) {
    answer <- as.integer(data[[OUTCOMES[[q]]$question]])
    base <- OUTCOMES[[q]]$base
    in_base <- if (is.null(base)) rep(TRUE, nrow(data)) else as.integer(data[[base]]) %in% 1L
    for (dm in domain_list) {
      valid <- dm$in_dom & in_base & answer %in% c(1L, 2L)
      if (sum(valid) < 2) next
      design$variables$yy <- as.numeric(answer %in% 1L)
      m <- svymean(~yy, design[valid, ])
      est <- as.numeric(coef(m))
      se <- as.numeric(SE(m))
      y <- as.numeric(valid & answer %in% 1L)
      b <- as.numeric(valid)
      thetas <- colSums(W * y) / colSums(W * b)
      hand <- sqrt(sum((thetas - mean(thetas))^2) / (B - 1))
      worst <- max(worst, abs(hand - se) / se, abs(sum(data$weight * y) / sum(data$weight * b) - est) / est)
      rows[[length(rows) + 1]] <- data.frame(survey = survey, outcome = q, domain = dm$domain,
                                             domain_value = dm$value, n = sum(valid), estimate = fmt(est),
                                             se_bootstrap = fmt(se), stringsAsFactors = FALSE)
    }
  }
  if (worst > HAND_CHECK) stop(sprintf("%s %s: svymean and the hand formula differ by %.3g", FIXTURE, survey, worst))
  message(sprintf("%s %s: %d respondents, %d replicates, %d estimates, hand vs svymean %.2g", FIXTURE, survey,
                  nrow(data), B, sum(sapply(rows, function(r) r$survey == survey)), worst))
}
utils::write.csv(do.call(rbind, rows), file.path(ROOT, "replicates", "expected_bootstrap_se.csv"), row.names = FALSE,
                 quote = FALSE)
