# The R side of the replicate line of `jobs/barometer bench --vs-r`: the rows bench_vs_r.R gets, with 200 bootstrap
# replicate weights calibrated by raking, their means and means by size class with replicate standard errors, timed.
#
#   Rscript bench_replicates_vs_r.R DIR
#
# DIR holds rows.csv, register.csv and items.csv as bench_vs_r.R describes them, and gets results_replicates.csv:
# item, domain (total or size_class), domain_value, estimate, se.
#
# The timed work: as.svrepdesign(type = "subbootstrap", replicates = 200) of the stratified design (calibrate_seconds
# counts from here), calibrate(calfun = "raking") to the three margins, which rakes the full sample and each replicate;
# then svymean() of every item on its base and svyby() by size class (estimate_seconds). R draws its own replicates
# (and its subbootstrap has no finite population correction), so its standard errors agree with the run's
# se_bootstrap within Monte Carlo error only; the estimates agree to the raking's precision.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript bench_replicates_vs_r.R DIR")
dir <- args[1]
script_dir <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(script_dir, "raking_common.R"))
REPLICATES <- 200L
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(52381)

export <- read_bench_export(dir)
rows <- export$rows
register <- export$register
items <- export$items
read_seconds <- export$read_seconds
# calibrate() takes the margins as the population totals of the model matrix of ~industry + region + size_class.
total <- sum(as.numeric(register$count[register$variable == MARGINS[1]]))
population <- c("(Intercept)" = total)
for (v in MARGINS) {
  counts <- register[register$variable == v, ]
  if (!all(rows[[v]] %in% counts$category)) stop("a respondent's ", v, " is not in register.csv")
  levels <- counts$category[counts$category %in% rows[[v]]]
  if (length(levels) < nrow(counts)) stop("a category of ", v, " has no respondent")
  rows[[v]] <- factor(rows[[v]], levels = levels)
  population <- c(population, stats::setNames(as.numeric(counts$count[match(levels[-1], counts$category)]),
                                              paste0(v, levels[-1])))
}

started <- proc.time()[["elapsed"]]
design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, data = rows)
replicated <- as.svrepdesign(design, type = "subbootstrap", replicates = REPLICATES)
calibrated <- calibrate(replicated, ~industry + region + size_class, population = population, calfun = "raking",
                        epsilon = 1e-10, maxit = 1000)
calibrate_seconds <- proc.time()[["elapsed"]] - started
estimate_started <- proc.time()[["elapsed"]]
results <- list()
for (item in items$item) {
  f <- stats::as.formula(paste0("~", item))
  m <- svymean(f, calibrated, na.rm = TRUE)
  results[[length(results) + 1]] <- data.frame(item = item, domain = "total", domain_value = "all",
                                               estimate = coef(m)[[1]], se = SE(m)[[1]])
  by <- svyby(f, ~size_class, calibrated, svymean, na.rm = TRUE)
  results[[length(results) + 1]] <- data.frame(item = item, domain = "size_class",
                                               domain_value = as.character(by$size_class), estimate = by[[item]],
                                               se = by$se)
}
estimate_seconds <- proc.time()[["elapsed"]] - estimate_started
r_seconds <- proc.time()[["elapsed"]] - started

out <- do.call(rbind, results)
out$estimate <- fmt(out$estimate)
out$se <- fmt(out$se)
write.csv(out, file.path(dir, "results_replicates.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("rows=%d read_seconds=%.3f r_seconds=%.3f calibrate_seconds=%.3f estimate_seconds=%.3f\n", nrow(rows),
            read_seconds, r_seconds, calibrate_seconds, estimate_seconds))
