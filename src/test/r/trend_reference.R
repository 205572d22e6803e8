#!/usr/bin/env Rscript
# R reference for the trends' p-values and their Benjamini-Hochberg adjustment.
#
# Usage (from the repository root):
#   Rscript src/test/r/trend_reference.R src/test/resources/trends
#
# Writes <out>/indicators.csv, estimates and standard errors of a few indicators in three waves of two surveys, and
# <out>/expected_trends.csv, each estimate against the previous wave that has it:
#   z = (p_t - p_s) / sqrt(se_t^2 + se_s^2), NA when that standard error is 0;
#   p_value = 2 pnorm(-|z|);
#   p_adjusted = p.adjust(p_value, method = "BH") within the family: one survey between the same two waves.
# The estimates are chosen so that the families hold a tie (two changes with the same p, exact in binary), a change whose standard
# error is 0 (p NA: p.adjust leaves it out of n), a family of one, a gap (an indicator missing in the middle wave is
# compared with the wave before), and changes significant at 5 % before the adjustment but not after it.
# Needs base R only. Re-running writes byte-identical files.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript src/test/r/trend_reference.R <output directory>")
OUT <- args[1]

indicators <- read.csv(text = "
wave,survey,indicator_id,estimate,se
2025,employer,a,0.40,0.020
2026,employer,a,0.46,0.030
2027,employer,a,0.47,0.025
2025,employer,b,0.35,0.010
2026,employer,b,0.30,0.012
2027,employer,b,0.36,0.015
2025,employer,c,0.5,0.03125
2026,employer,c,0.5625,0.03125
2025,employer,d,0.25,0.03125
2026,employer,d,0.3125,0.03125
2025,employer,e,0.60,0.030
2026,employer,e,0.62,0.030
2025,employer,f,0.00,0.000
2026,employer,f,0.00,0.000
2025,employer,g,0.70,0.020
2027,employer,g,0.64,0.020
2026,employer,h,0.10,0.010
2025,employer,i,0.30,0.0196
2026,employer,i,0.36,0.0196
2027,employer,h,0.14,0.012
2025,employee,a,0.30,0.020
2026,employee,a,0.36,0.025
2025,employee,b,0.55,0.020
2026,employee,b,0.50,0.022
2025,employee,c,0.25,0.015
2026,employee,c,0.27,0.015
", colClasses = c("integer", "character", "character", "numeric", "numeric"))

indicators <- indicators[order(indicators$survey, indicators$indicator_id, indicators$wave), ]
rows <- list()
for (key in unique(paste(indicators$survey, indicators$indicator_id))) {
  s <- indicators[paste(indicators$survey, indicators$indicator_id) == key, ]
  if (nrow(s) < 2) next
  for (k in 2:nrow(s)) {
    se_change <- sqrt(s$se[k]^2 + s$se[k - 1]^2)
    z <- if (se_change > 0) (s$estimate[k] - s$estimate[k - 1]) / se_change else NA_real_
    rows[[length(rows) + 1]] <- data.frame(survey = s$survey[k], indicator_id = s$indicator_id[k],
                                           previous_wave = s$wave[k - 1], wave = s$wave[k], z = z,
                                           p_value = 2 * stats::pnorm(-abs(z)), stringsAsFactors = FALSE)
  }
}
trends <- do.call(rbind, rows)
trends$p_adjusted <- NA_real_
family <- paste(trends$survey, trends$previous_wave, trends$wave)
for (f in unique(family)) {
  trends$p_adjusted[family == f] <- stats::p.adjust(trends$p_value[family == f], method = "BH")
}
if (!any(trends$p_value < 0.05 & trends$p_adjusted >= 0.05, na.rm = TRUE)) {
  stop("no change is significant before the adjustment only")
}
if (!any(duplicated(trends$p_value[!is.na(trends$p_value)]))) stop("no tie")

fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
trends$z <- fmt(trends$z)
trends$p_value <- fmt(trends$p_value)
trends$p_adjusted <- fmt(trends$p_adjusted)
dir.create(OUT, recursive = TRUE, showWarnings = FALSE)
write_csv <- function(df, path) utils::write.csv(df, path, row.names = FALSE, quote = FALSE, eol = "\n", na = "")
write_csv(indicators, file.path(OUT, "indicators.csv"))
write_csv(trends[order(trends$survey, trends$previous_wave, trends$wave, trends$indicator_id), ],
          file.path(OUT, "expected_trends.csv"))
message(sprintf("%d changes in %d families", nrow(trends), length(unique(family))))
