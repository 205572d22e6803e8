# The R side of `jobs/barometer bench --vs-r`: the same rows, weighted and estimated with R's survey package, timed.
#
#   Rscript src/test/r/bench_vs_r.R DIR
#
# DIR holds what the bench exported from one size's run (all CSV with a header):
#   rows.csv      stratum, industry, region, size_class, then one column per item: 1/0 inside the item's base,
#                 empty (NA) outside it
#   register.csv  variable, category, count: the employee register margins and the stratum sizes N_h
#   items.csv     item, indicator_id, category: what each item column of rows.csv estimates
# and gets results.csv: item, domain (total or size_class), domain_value, estimate, se.
#
# The timed work is the benchmark's yardstick: a stratified design with fpc, rake() to the three margins, svymean() of
# every item on its base (na.rm = TRUE: a domain estimate keeping the full design) and svyby() by size class. Reading
# the CSV is timed apart. rake() runs to machine precision (raking_common.R), as the bench's own raking does, so the
# two sets of estimates can agree to 1e-9; SEs are written too but differ by design (docs/method.md: rake() linearises
# raking as post-stratification).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript bench_vs_r.R DIR")
dir <- args[1]
script_dir <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(script_dir, "raking_common.R"))

export <- read_bench_export(dir)
rows <- export$rows
register <- export$register
items <- export$items
read_seconds <- export$read_seconds
pop_margins <- lapply(MARGINS, function(v) {
  counts <- register[register$variable == v, ]
  df <- data.frame(category = counts$category, Freq = as.numeric(counts$count), stringsAsFactors = FALSE)
  names(df)[1] <- v
  df
})

started <- proc.time()[["elapsed"]]
design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, data = rows)
raked <- rake_to_margins(design, pop_margins, sum(pop_margins[[1]]$Freq), "employee")$design
results <- list()
for (item in items$item) {
  f <- stats::as.formula(paste0("~", item))
  m <- svymean(f, raked, na.rm = TRUE)
  results[[length(results) + 1]] <- data.frame(item = item, domain = "total", domain_value = "all",
                                               estimate = coef(m)[[1]], se = SE(m)[[1]])
  by <- svyby(f, ~size_class, raked, svymean, na.rm = TRUE)
  results[[length(results) + 1]] <- data.frame(item = item, domain = "size_class", domain_value = by$size_class,
                                               estimate = by[[item]], se = by$se)
}
r_seconds <- proc.time()[["elapsed"]] - started

out <- do.call(rbind, results)
out$estimate <- fmt(out$estimate)
out$se <- fmt(out$se)
write.csv(out, file.path(dir, "results.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("rows=%d read_seconds=%.3f r_seconds=%.3f\n", nrow(rows), read_seconds, r_seconds))
