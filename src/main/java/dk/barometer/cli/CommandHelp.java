package dk.barometer.cli;

/**
 * The help of {@code jobs/barometer}: the overview ({@code --help}, or no command) and each command's
 * ({@code <command> --help}), its usage line first.
 */
final class CommandHelp {
  static final String USAGE = """
      Usage: jobs/barometer <command> [options]

      Commands:
        demo       build if needed, generate the 2025 and 2026 demo waves if absent, run them and the trends
        run        run one wave: validate, weight, estimate, write the Delta tables
        pact       run one year of the AI competence pact's partner reports: validate, count, write the pact tables
        generate   write a synthetic demo wave (responses and register margins) as Parquet
        trends     compare every estimate present in two or more waves: change, its SE, z-test, breaks
        sql        query the warehouse tables: a query, a script (-f) or, without either, an interactive prompt
        estimate   an indicator the catalogue lacks, by the catalogue's engine: estimate, SE, CI, base n, flag
        serve      serve the warehouse tables to notebooks and tools over Spark Connect (sc://host:port)
        compare-published   print a wave's estimates beside the published figures and claims; exit 7 if any is off
        catalogue  write the indicator catalogue (markdown) from conf/
        report     write a wave's publication (Danish or English, HTML or PDF): text, key figures, charts with CIs
        simulate   coverage check of the standard errors: repeated samples from the demo population
        bench      time the whole job on generated waves of growing size: stages, rows/s, heap, Spark jobs

      Common options:
        --conf DIR         configuration directory (default: conf/ of the installation, or $BAROMETER_CONF)
        --warehouse DIR    Delta warehouse root, any Hadoop URI (default: warehouse/, or $BAROMETER_WAREHOUSE)
        --env NAME         environment profile conf/environments/NAME.yaml: warehouse, input, Spark settings
                           (or $BAROMETER_ENV); paths on the command line win

      'jobs/barometer <command> --help' describes a command. Exit codes: 0 success, 2 usage, 3 configuration,
      4 bad input, 5 weighting failure, 6 write failure, 7 a check failed (published figures not reproduced, or
      a run's rows in differ from accepted + rejected), 1 unexpected error.
      """;

  static final String RUN = """
      Usage: jobs/barometer run --wave YEAR --input DIR [--warehouse DIR] [--conf DIR] [--env NAME]

      Reads DIR/<survey>/wave=YEAR/*.parquet and DIR/register/year=<register year>/*.parquet (see README.md, input
      contract), rejects faulty rows into the 'rejects' table, weights both surveys to the register margins, computes
      every indicator of conf/indicators.yaml, and replaces wave YEAR in the Delta tables. Other waves are untouched.
      The run is recorded in the 'runs' table (started, then succeeded or failed). With --env NAME, the input and
      warehouse default to those of conf/environments/NAME.yaml. The respondent pseudonyms are made with the key
      the profile's pseudonym_key names (env:NAME or file:PATH), else $BAROMETER_PSEUDONYM_KEY; without a key of
      32 bytes or more the run stops (exit 3). See docs/operations.md.
      """;
  static final String PACT = """
      Usage: jobs/barometer pact --year YEAR --input DIR [--warehouse DIR] [--conf DIR] [--env NAME]

      Reads DIR/pact/partners/year=YEAR/*.parquet and DIR/pact/upskillings/year=YEAR/*.parquet (docs/input.md, the
      pact's partner reports), rejects faulty rows into 'pact_rejects', computes the headline figures (people
      upskilled and partners, by kind, industry, form and target group, production firms, the change from the year
      before) and replaces year YEAR in pact_partners, pact_upskillings, pact_figures and pact_rejects. The counts
      are the partners' own totals: no weights, no standard errors. The run is recorded in the 'runs' table.
      """;
  static final String GENERATE = """
      Usage: jobs/barometer generate --wave YEAR --out DIR [--seed N] [--employers N] [--employees N] [--conf DIR]

      Writes a synthetic wave in the input-contract layout: a population whose true shares follow the published
      2025 figures, a sample drawn with the real design (250+ oversampled, non-response by size and industry) and
      register margins counted from the population. Same seed, same files. Defaults: the seed of
      conf/demo/<YEAR>.yaml, 1008 employers, 2022 employees; the model's parameters are in that file too.
      """;
  static final String SQL = """
      Usage: jobs/barometer sql [--role analyst|researcher|engineer] [--format table|csv|json] [--limit N]
                                [--warehouse DIR] "QUERY"
             jobs/barometer sql -f FILE.sql [--format ...]
             jobs/barometer sql [--format ...]          (interactive prompt; or statements piped in)

      The prompt runs a statement once a line ends it with ';', so statements may span lines. Up and down recall
      earlier statements, also of earlier sessions (~/.barometer_sql_history); Ctrl-C drops the statement being
      typed; quit or Ctrl-D leaves. --limit caps the rows printed (default 1000 for a table, all for csv and json).

      When 'serve' runs ($BAROMETER_ENDPOINT, default sc://localhost:15002) over the same warehouse, the statements
      go there as --role (default analyst) with its token from conf/access.yaml, which saves Spark's start; without
      one, or BAROMETER_ENDPOINT=off, sql runs Spark itself.

      --role (default analyst) is who is asking (conf/access.yaml, docs/security.md): an analyst reads the published
      zone (indicators, trends and comparisons without suppressed estimates, weight_diagnostics, runs, v_indicators,
      v_trends, v_comparisons, and the pact's pact_partners, pact_upskillings, pact_figures and v_pact_barometer);
      a researcher also microdata.* (responses, weights, rejects: a pseudonym, no respondent id); an engineer also
      raw.* (the Delta tables, with time travel: raw.indicators VERSION AS OF 0). Below engineer a session only
      reads: writes, DDL, maintenance, files by path, reflect and other settings are refused with exit 2.
      """;
  static final String ESTIMATE = """
      Usage: jobs/barometer estimate --wave YEAR --survey SURVEY --share "CONDITION" [--base "CONDITION"]
                                     [--by VAR[,VAR]] [--where "CONDITION"] [--format table|csv|json] [--role ROLE]
             jobs/barometer estimate --wave YEAR --definition FILE [--format ...] [--role ROLE]

      Estimates, on wave YEAR of the warehouse with the weights of its run, the weighted share of the respondents
      in the base for whom --share holds, as the indicators table's estimates are made: with its standard error,
      95 % interval (logit, t), base n and reliability. The base: a valid answer to every question --share names,
      and --base where given. Rows: the whole population (domain total) and each category of each --by variable
      (a classification variable or a question), all restricted by --where. Conditions are Spark SQL boolean
      expressions of the survey's answers and classifications (never the respondent id), checked as conf/'s are
      (exit 3 naming an unknown column and the nearest). --definition FILE: one indicator in the form of
      conf/indicators.yaml with the domains it names (any type; the same rows as the indicators table).

      As an analyst (the default --role): suppressed estimates (base under the suppression minimum) show neither
      values nor base n, nor do groups of a --by that would give a suppressed one away; a request whose --where or
      --base leaves out of a base some respondents, but fewer than that minimum, is refused (exit 2).
      docs/security.md explains.
      A researcher sees every estimate but the suppressed, an engineer every one.

      While 'serve' runs ($BAROMETER_ENDPOINT, default sc://localhost:15002), the request goes there with the token
      of --role's role, as 'sql' does, and the endpoint estimates it for that role; otherwise, or with
      BAROMETER_ENDPOINT=off, it runs here on the warehouse's files.
      """;
  static final String SERVE = """
      Usage: jobs/barometer serve [--host ADDRESS] [--port N] [--warehouse DIR] [--conf DIR]

      Starts a Spark Connect endpoint at sc://ADDRESS:N (default 127.0.0.1:15002, named sc://localhost:15002) over
      the warehouse tables, the ones 'sql' sees, and runs until stopped with Ctrl-C. A client connects as a role with
      its token: sc://localhost:15002/;token=...;user_id=analyst. Each role's token is read from the source that
      conf/access.yaml names (env:NAME or file:PATH); a role without one cannot connect, and with none set serve
      stops (exit 3). The endpoint speaks plain gRPC: to serve other hosts, keep it on the loopback address behind
      a TLS proxy (docs/querying.md).
      """;
  static final String COMPARE_PUBLISHED = """
      Usage: jobs/barometer compare-published --wave YEAR [--warehouse DIR] [--conf DIR]

      Prints every figure of conf/published/YEAR.yaml beside the estimate of the warehouse's indicators table and
      flags those further off than the tolerance: the larger of tolerance_points (3) and 1.96 standard errors, from
      the printed value or the nearest end of a printed range. Then prints each claim of conf/comparisons.yaml with an
      expected direction or ratio beside the wave's comparisons table: CONTRADICTED when the 95 % interval of the
      difference lies wholly on the other side, or the ratio's interval excludes the ratio stated. Exits with 7 when
      any figure is flagged or missing, or any claim is contradicted.
      """;
  static final String CATALOGUE = """
      Usage: jobs/barometer catalogue [--out FILE] [--conf DIR]

      Writes the indicator catalogue (markdown, from conf/indicators.yaml and the codebook) to FILE, by default
      docs/indicators.md of the installation.
      """;
  static final String REPORT = """
      Usage: jobs/barometer report --wave YEAR [--lang da|en] [--format html|pdf] [--out DIR] [--role ROLE]
                                   [--warehouse DIR] [--conf DIR] [--env NAME]

      Writes the publication of wave YEAR in Danish (default) or English to DIR/index.html (default DIR:
      report/YEAR/LANG of the installation): title page with the key figures, a section per subject with its text
      (differences and changes stated only when significant after the Benjamini-Hochberg adjustment), every figure
      of conf/report.yaml from the warehouse's labelled views with its 95 % intervals and a note (population, N,
      bases, groups not shown), the method section. The page is self-contained (opens offline); beside it
      DIR/svg/<figure>.svg and DIR/csv/<figure>.csv hold each chart and its figures. --format pdf also prints the
      page to DIR/barometer-YEAR-LANG.pdf (A4) with headless Chromium. Texts: conf/publication.yaml.
      """;
  static final String TRENDS = """
      Usage: jobs/barometer trends [--warehouse DIR]

      Rewrites the 'trends' table from every wave in 'indicators': for each estimate present in two or more waves,
      each wave against the previous one with the estimate, the change in percentage points, its standard error
      (independent samples), a two-sided z-test p-value and significance at 5 %, that p-value adjusted by
      Benjamini-Hochberg over the survey's changes between the same two waves (p_adjusted, significant_adjusted: the
      significance the views and the report mark) and the series-break flag (a reworded question). Prints the
      changes of the whole-population estimates.
      """;
  static final String SIMULATE = """
      Usage: jobs/barometer simulate [--wave YEAR] [--samples N] [--conf DIR]

      Draws N repeated samples (default: samples in conf/simulation.yaml, 500) from the synthetic demo population of
      wave YEAR (default 2025) with the surveys' design, weights and estimates each as a run does, and prints, per
      estimate of conf/simulation.yaml, the population value, the mean estimate and its bias, the standard deviation
      of the estimates, the mean standard error, their ratio and the share of 95 % intervals covering the population
      value. Exits with 7 when the pooled coverage is outside coverage_range (93-97 %). Writes no table.
      """;
  static final String BENCH = """
      Usage: jobs/barometer bench [--sizes 3k,100k,1m] [--out DIR] [--csv FILE] [--vs-r] [--layouts] [--conf DIR]

      For each size, generates a demo wave of 2025 with that many employee respondents (1008 employers, seed 2025)
      into DIR/<size>/input (generation is timed apart), runs the whole job on it (validation, weighting, every
      indicator with its standard error, the Delta writes) into the fresh warehouse DIR/<size>/warehouse, and prints
      the seconds of each stage, rows read per second, the peak heap of the JVM (driver and, in local mode, the
      executors), and the Spark jobs and input scans of each stage, which should be the same at every size. Sizes
      take k and m. DIR defaults to target/bench of the installation; --csv also writes the figures as CSV, one
      line per size and stage. The first size also pays the JVM's warm-up. Each size's files stay under
      DIR/<size>; sizes that would not fit on DIR's disk (about 2.3 KB per employee respondent with 200 replicate
      weights, 108 bytes more with --vs-r and 4.6 KB more with --layouts) stop the bench before anything is
      generated, as does a DIR or FILE it could not write.

      --vs-r also does the same work in R's survey package (Rscript and r-cran-survey needed): every employee
      indicator is broken down by size class as well, the employee respondents with 20 of their 0/1 items go to
      DIR/<size>/r, src/test/r/bench_vs_r.R rakes them and runs svymean and svyby by size class, and per size one
      line compares: rows=<n> seconds=<s> r_seconds=<s> ratio_vs_r=<x> max_abs_diff=<d>. The line before it,
      rows=<n> statistics_seconds=<s> r_seconds=<s> ratio_statistics_vs_r=<x>, compares R with the run's stages
      that do its work (weight employee + variance employee + estimate).

      --layouts also writes the run's employee replicate weights again under DIR/<size>/layouts, once as the table
      holds them (an array of the replicates' weights per respondent) and once long (a row per respondent and
      replicate), and runs one bootstrap query on each (the share who use AI by size class with its bootstrap SE):
      per layout one line, size=<n> layout=<array|long> rows=<n> write_seconds=<s> mib=<m> query_seconds=<s>
      max_se_difference=<d>. Both layouts' files stay there (about twice the warehouse's replicate weights).
      """;
  static final String DEMO = """
      Usage: jobs/barometer demo [--warehouse DIR] [--conf DIR]

      Generates the 2025 and 2026 demo waves and the pact's demo partner reports into demo-data/ unless they are
      there, runs both waves and both pact years into the warehouse, prints 2025's weighted maturity shares beside
      the unweighted ones and the pact's people upskilled, then writes and prints the trends.
      Without a pseudonym key ($BAROMETER_PSEUDONYM_KEY, or the profile's), it makes demo-data/pseudonym.key.
      """;

  private CommandHelp() {}
}
