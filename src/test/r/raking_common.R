# Shared by the R scripts here (reference fixtures and the bench): the register helpers, collapse rules, the checked
# raking of the reference procedure. Sourced, it defines functions and constants only.
suppressPackageStartupMessages(library(survey))

# rake() stops when the largest change of any cell of the industry x region x size_class table between two
# successive sweeps is below epsilon x (sum of the weights) (epsilon < 1 is relative in survey::rake). 1e-15 is
# about 5 ulp of a relative change: the sweeps are run until the table no longer moves in double precision. maxit is
# a mere safety cap; rake() only warns when it hits it, so the warning is turned into an error here.
RAKE_CONTROL <- list(maxit = 100000, epsilon = 1e-15, verbose = FALSE)
# Verification of the margins after every raking: largest |weighted total - register total| over every category of
# every (collapsed) margin <= MARGIN_CHECK x population total.
MARGIN_CHECK <- 1e-9

MARGINS <- c("industry", "region", "size_class")
SURVEYS <- c("employer", "employee")

fmt <- function(x) sprintf("%.17g", x)

# Register counts of one population, variable -> named numeric vector (category -> count).
register_margin <- function(register, population, variable) {
  rows <- register[register$population == population & register$variable == variable, ]
  if (nrow(rows) == 0) stop("register has no ", population, " / ", variable, " rows")
  stats::setNames(as.numeric(rows$count), rows$category)
}

# Applies one margin's collapse rules (category -> neighbour) to a vector of categories.
collapse_codes <- function(codes, rules) {
  if (is.null(rules) || length(rules) == 0) return(codes)
  hit <- codes %in% names(rules)
  codes[hit] <- unlist(rules)[codes[hit]]
  codes
}

# Register counts with the collapse rules applied (merged categories summed), as the data.frame rake() wants.
population_margin <- function(counts, variable, rules) {
  merged <- collapse_codes(names(counts), rules)
  sums <- tapply(counts, factor(merged, levels = unique(merged)), sum)
  df <- data.frame(category = names(sums), Freq = as.numeric(sums), stringsAsFactors = FALSE)
  names(df)[1] <- variable
  df
}

# Largest |weighted total - register total| over every category of every margin.
margin_gap <- function(w, data, pop_margins) {
  gap <- 0
  for (i in seq_along(MARGINS)) {
    v <- MARGINS[i]
    target <- stats::setNames(pop_margins[[i]]$Freq, pop_margins[[i]][[v]])
    got <- tapply(w, factor(data[[v]], levels = names(target)), sum)
    got[is.na(got)] <- 0
    if (!all(data[[v]] %in% names(target))) stop("a respondent category of ", v, " is not in the register")
    gap <- max(gap, abs(got - target))
  }
  gap
}

# One survey::rake() to the margins, converged to machine precision, with the margins verified.
rake_to_margins <- function(design, pop_margins, total, label) {
  raked <- withCallingHandlers(
    rake(design, lapply(MARGINS, function(v) stats::as.formula(paste0("~", v))), pop_margins,
         control = RAKE_CONTROL),
    warning = function(w) stop(label, ": rake() did not converge: ", conditionMessage(w)))
  gap <- margin_gap(weights(raked), raked$variables, pop_margins)
  if (gap > MARGIN_CHECK * total) {
    stop(sprintf("%s: margins do not hold after raking: largest gap %.3g > %.3g", label, gap, MARGIN_CHECK * total))
  }
  list(design = raked, gap = gap)
}

# The bench's export of one size (bench_vs_r.R, bench_replicates_vs_r.R): rows.csv with each respondent's stratum
# size N_h as `fpc`, register.csv, items.csv, and the seconds the reading took.
read_bench_export <- function(dir) {
  started <- proc.time()[["elapsed"]]
  rows <- read.csv(file.path(dir, "rows.csv"), colClasses = c(stratum = "character", industry = "character",
                                                              region = "character", size_class = "character"))
  register <- read.csv(file.path(dir, "register.csv"), colClasses = c(category = "character"))
  items <- read.csv(file.path(dir, "items.csv"), colClasses = "character")
  seconds <- proc.time()[["elapsed"]] - started
  strata <- register[register$variable == "stratum", ]
  rows$fpc <- strata$count[match(rows$stratum, strata$category)]
  if (anyNA(rows$fpc)) stop("a respondent's stratum is not in register.csv")
  list(rows = rows, register = register, items = items, read_seconds = seconds)
}
