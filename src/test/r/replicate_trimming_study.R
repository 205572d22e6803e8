#!/usr/bin/env Rscript
# Why replicates trim their copies (docs/method.md, replicate weights): on the weighting fixture `trimming`, draws B
# rescaled bootstrap replicates (as replicate_reference.R) and trims each under the full sample's cap in two ways,
#   copies: the cap on a respondent's replicate weight over its multiplier, the excess shared per copy (the
#           pipeline's definition, replicate_reference.R's trim_copies);
#   weight: the cap on the replicate weight itself, the excess shared per respondent (what survey's
#           trimWeights.svyrep.design means to do),
# raking after each trim, and prints for each survey the rounds each needed and the bootstrap standard errors of the
# shares of every industry x region and industry x size class cell of 10 or more respondents against those of the
# untrimmed replicates. Raking is Newton's method on the raking's dual (what calibrate(calfun = "raking") solves),
# written out for speed. Not a fixture: nothing is written.
#
# Usage (from the repository root): Rscript src/test/r/replicate_trimming_study.R src/test/resources/weighting [B]

suppressPackageStartupMessages(library(survey))
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "variance_common.R"))
args <- commandArgs(trailingOnly = TRUE)
B <- if (length(args) > 1) as.integer(args[2]) else 200L
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(1)

newton_rake <- function(w0, X, target) {
  beta <- rep(0, ncol(X))
  for (i in 1:200) {
    w <- w0 * exp(drop(X %*% beta))
    gap <- target - colSums(X * w)
    if (max(abs(gap)) < 1e-10 * target[1]) return(w)
    H <- crossprod(X * w, X)
    beta <- beta + solve(H + diag(1e-12 * mean(diag(H)), ncol(X)), gap)
  }
  stop("raking did not converge")
}
trim_copies <- function(v, m, cap) repeat {
  out <- v > cap
  if (!any(out)) return(v)
  excess <- sum((v[out] - cap) * m[out])
  v[out] <- cap
  v[!out] <- v[!out] + excess / sum(m[!out])
}
# Trim and rake until no weight per unit of `size` exceeds the cap; NA weights after 1,000 rounds.
trim_loop <- function(w, size, cap, X, target) {
  rounds <- 0L
  while (max(w / size) > cap * (1 + 1e-12)) {
    rounds <- rounds + 1L
    if (rounds > 1000L) return(list(w = rep(NA_real_, length(w)), rounds = NA_integer_))
    w <- newton_rake(trim_copies(w / size, size, cap) * size, X, target)
  }
  list(w = w, rounds = rounds)
}

fx <- read_fixture(args[1], "trimming", trimming = TRUE)
for (survey in SURVEYS) {
  data <- fx$respondents[fx$respondents$survey == survey, ]
  population <- fx$settings[[survey]]$population
  N_h <- register_margin(fx$register, population, "stratum")
  n_h <- table(data$stratum)
  data$d <- as.numeric(N_h[data$stratum]) / as.numeric(n_h[data$stratum])
  X <- model.matrix(~industry + region + size_class, data)
  target <- sum(N_h)
  for (v in MARGINS) {
    counts <- register_margin(fx$register, population, v)
    target <- c(target, counts[sort(unique(data[[v]]))[-1]])
  }
  first <- newton_rake(data$d, X, target)
  cap <- fx$settings[[survey]]$trim * median(first)
  m <- matrix(1, nrow(data), B)
  for (h in names(n_h)) {
    n <- n_h[[h]]
    lambda <- sqrt(1 - n / N_h[[h]])
    rows <- which(data$stratum == h)
    for (r in seq_len(B)) m[rows, r] <- 1 - lambda + lambda * n / (n - 1) * tabulate(sample.int(n, n - 1, TRUE), n)
  }
  untrimmed <- copies <- weight <- matrix(NA_real_, nrow(data), B)
  rounds <- list(copies = integer(B), weight = integer(B))
  for (r in seq_len(B)) {
    untrimmed[, r] <- newton_rake(data$d * m[, r], X, target)
    a <- trim_loop(untrimmed[, r], m[, r], cap, X, target)
    b <- trim_loop(untrimmed[, r], rep(1, nrow(data)), cap, X, target)
    copies[, r] <- a$w
    weight[, r] <- b$w
    rounds$copies[r] <- a$rounds
    rounds$weight[r] <- b$rounds
  }
  cells <- list()
  for (i in unique(data$industry)) for (other in c(unique(data$region), unique(data$size_class))) {
    y <- as.numeric(data$industry == i & (data$region == other | data$size_class == other))
    if (sum(y) >= 10) cells[[paste(i, other)]] <- y
  }
  Y <- do.call(cbind, cells)
  se <- function(W) apply(crossprod(Y, W[, !is.na(W[1, ]), drop = FALSE]) / target[1], 1, sd)
  ratio <- function(W) {
    q <- se(W) / se(untrimmed)
    sprintf("median %.3f (%.3f .. %.3f)", median(q), min(q), max(q))
  }
  cat(sprintf("%s: %d respondents, cap %.6g, %d replicates\n", survey, nrow(data), cap, B))
  for (way in c("copies", "weight")) {
    cat(sprintf("  cap on the %-7s not settled %d, rounds median %g max %g; SE / untrimmed SE of %d shares: %s\n",
                way, sum(is.na(rounds[[way]])), median(rounds[[way]], na.rm = TRUE), max(rounds[[way]], na.rm = TRUE),
                ncol(Y), ratio(if (way == "copies") copies else weight)))
  }
}
