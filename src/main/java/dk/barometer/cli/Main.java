package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.BarometerException;
import dk.barometer.bench.BenchDisk;
import dk.barometer.bench.BenchReport;
import dk.barometer.bench.BenchResult;
import dk.barometer.bench.BenchSizes;
import dk.barometer.bench.Benchmark;
import dk.barometer.bench.RComparison;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PublishedFigure;
import dk.barometer.config.PublishedFigures;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.SimulationSettings;
import dk.barometer.demo.CoverageSimulation;
import dk.barometer.demo.DemoGenerator;
import dk.barometer.demo.DemoOptions;
import dk.barometer.demo.EstimateCoverage;
import dk.barometer.demo.GeneratedWave;
import dk.barometer.estimation.TrendEstimator;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.query.ConnectEndpoint;
import dk.barometer.query.LabelledViews;
import dk.barometer.query.PublishedComparison;
import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import dk.barometer.report.CatalogueDocument;
import dk.barometer.report.Report;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Entry point of {@code jobs/barometer}: one sub-command per yearly task. Exit codes: see {@link BarometerException.Kind}. */
public final class Main {
  static final String USAGE = """
      Usage: jobs/barometer <command> [options]

      Commands:
        demo       build if needed, generate the 2025 and 2026 demo waves if absent, run them and the trends
        run        run one wave: validate, weight, estimate, write the Delta tables
        generate   write a synthetic demo wave (responses and register margins) as Parquet
        trends     compare every estimate present in two or more waves: change, its SE, z-test, breaks
        sql        query the warehouse tables: a query, a script (-f) or, without either, an interactive prompt
        serve      serve the warehouse tables to notebooks and tools over Spark Connect (sc://host:port)
        compare-published   print a wave's estimates beside the published figures; exit 7 if any is off
        catalogue  write the indicator catalogue (markdown) from conf/
        report     write a wave's report as a static HTML page: the figures of conf/report.yaml with their CIs
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

  private static final String RUN_HELP = """
      Usage: jobs/barometer run --wave YEAR --input DIR [--warehouse DIR] [--conf DIR] [--env NAME]

      Reads DIR/<survey>/wave=YEAR/*.parquet and DIR/register/year=<register year>/*.parquet (see README.md, input
      contract), rejects faulty rows into the 'rejects' table, weights both surveys to the register margins, computes
      every indicator of conf/indicators.yaml, and replaces wave YEAR in the Delta tables. Other waves are untouched.
      The run is recorded in the 'runs' table (started, then succeeded or failed). With --env NAME, the input and
      warehouse default to those of conf/environments/NAME.yaml.
      """;
  private static final String GENERATE_HELP = """
      Usage: jobs/barometer generate --wave YEAR --out DIR [--seed N] [--employers N] [--employees N] [--conf DIR]

      Writes a synthetic wave in the input-contract layout: a population whose true shares follow the published
      2025 figures, a sample drawn with the real design (250+ oversampled, non-response by size and industry) and
      register margins counted from the population. Same seed, same files. Defaults: the seed of
      conf/demo/<YEAR>.yaml, 1008 employers, 2022 employees; the model's parameters are in that file too.
      """;
  private static final String SQL_HELP = """
      Usage: jobs/barometer sql [--format table|csv|json] [--limit N] [--warehouse DIR] "QUERY"
             jobs/barometer sql -f FILE.sql [--format ...]
             jobs/barometer sql [--format ...]          (interactive prompt; or statements piped in)

      The prompt runs a statement once a line ends it with ';', so statements may span lines. Up and down recall
      earlier statements, also of earlier sessions (~/.barometer_sql_history); Ctrl-C drops the statement being
      typed; quit or Ctrl-D leaves.

      Tables: responses_employer, responses_employee, weights, weight_diagnostics, indicators, trends, rejects, runs
      (e.g. SELECT * FROM indicators WHERE wave = 2025). Delta time travel works: indicators VERSION AS OF 0.
      """;
  private static final String SERVE_HELP = """
      Usage: jobs/barometer serve [--host ADDRESS] [--port N] [--warehouse DIR] [--conf DIR]

      Starts a Spark Connect endpoint at sc://ADDRESS:N (default sc://127.0.0.1:15002) over the warehouse tables,
      the ones 'sql' sees, and runs until stopped with Ctrl-C. Each client gets a session of its own; clients are
      PySpark (SparkSession.builder.remote("sc://127.0.0.1:15002")), the Spark Connect JVM client and the other
      Spark Connect clients (README.md, Querying). The endpoint has no authentication: bind it to another address
      than the loopback one only on a trusted network.
      """;
  private static final String COMPARE_HELP = """
      Usage: jobs/barometer compare-published --wave YEAR [--warehouse DIR] [--conf DIR]

      Prints every figure of conf/published/YEAR.yaml beside the estimate of the warehouse's indicators table and
      flags those further off than the tolerance: the larger of tolerance_points (3) and 1.96 standard errors, from
      the printed value or the nearest end of a printed range. Exits with 7 when any figure is flagged or missing.
      """;
  private static final String CATALOGUE_HELP = """
      Usage: jobs/barometer catalogue [--out FILE] [--conf DIR]

      Writes the indicator catalogue (markdown, from conf/indicators.yaml and the codebook) to FILE, by default
      docs/indicators.md of the installation.
      """;
  private static final String REPORT_HELP = """
      Usage: jobs/barometer report --wave YEAR [--out DIR] [--warehouse DIR] [--conf DIR] [--env NAME]

      Writes the report of wave YEAR to DIR/index.html (default DIR: report/YEAR of the installation): every figure
      of conf/report.yaml regenerated from the warehouse's labelled views (v_indicators, v_trends; suppressed
      estimates left out), each bar with its 95 % confidence interval and base n, low-reliability estimates marked
      'u', trend charts when the warehouse holds two or more waves up to YEAR. One self-contained page (charts,
      data and scripts inlined; opens offline in any browser), plus DIR/svg/<figure>.svg, the charts as plain SVG
      (also shown in the page when JavaScript is off).
      """;
  private static final String TRENDS_HELP = """
      Usage: jobs/barometer trends [--warehouse DIR]

      Rewrites the 'trends' table from every wave in 'indicators': for each estimate present in two or more waves,
      each wave against the previous one with the estimate, the change in percentage points, its standard error
      (independent samples), a two-sided z-test p-value, significance at 5 % and the series-break flag (a reworded
      question). Prints the changes of the whole-population estimates.
      """;
  private static final String SIMULATE_HELP = """
      Usage: jobs/barometer simulate [--wave YEAR] [--samples N] [--conf DIR]

      Draws N repeated samples (default: samples in conf/simulation.yaml, 500) from the synthetic demo population of
      wave YEAR (default 2025) with the surveys' design, weights and estimates each as a run does, and prints, per
      estimate of conf/simulation.yaml, the population value, the mean estimate and its bias, the standard deviation
      of the estimates, the mean standard error, their ratio and the share of 95 % intervals covering the population
      value. Exits with 7 when the pooled coverage is outside coverage_range (93-97 %). Writes no table.
      """;
  private static final String BENCH_HELP = """
      Usage: jobs/barometer bench [--sizes 3k,100k,1m] [--out DIR] [--csv FILE] [--vs-r] [--conf DIR]

      For each size, generates a demo wave of 2025 with that many employee respondents (1008 employers, seed 2025)
      into DIR/<size>/input (generation is timed apart), runs the whole job on it (validation, weighting, every
      indicator with its standard error, the Delta writes) into the fresh warehouse DIR/<size>/warehouse, and prints
      the seconds of each stage, rows read per second, the peak heap of the JVM (driver and, in local mode, the
      executors), and the Spark jobs and input scans of each stage, which should be the same at every size. Sizes
      take k and m. DIR defaults to target/bench of the installation; --csv also writes the figures as CSV, one
      line per size and stage. The first size also pays the JVM's warm-up. Each size's files stay under
      DIR/<size>; sizes that would not fit on DIR's disk (about 48 bytes per employee respondent, 108 more with
      --vs-r) stop the bench before anything is generated, as does a DIR or FILE it could not write.

      --vs-r also does the same work in R's survey package (Rscript and r-cran-survey needed): every employee
      indicator is broken down by size class as well, the employee respondents with 20 of their 0/1 items go to
      DIR/<size>/r, src/test/r/bench_vs_r.R rakes them and runs svymean and svyby by size class, and per size one
      line compares: rows=<n> seconds=<s> r_seconds=<s> ratio_vs_r=<x> max_abs_diff=<d>. The line before it,
      rows=<n> statistics_seconds=<s> r_seconds=<s> ratio_statistics_vs_r=<x>, compares R with the run's stages
      that do its work (weight employee + variance employee + estimate).
      """;
  private static final String DEMO_HELP = """
      Usage: jobs/barometer demo [--warehouse DIR] [--conf DIR]

      Generates the 2025 and 2026 demo waves into demo-data/ unless they are there, runs both into the warehouse,
      prints 2025's weighted maturity shares beside the unweighted ones, then writes and prints the trends.
      """;

  /** The 2025 wave (the report's figures) and the 2026 wave (a changed codebook) make a trend. */
  private static final List<Integer> DEMO_WAVES = List.of(2025, 2026);

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
      out.print(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    String command = argv[0];
    String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
    try {
      String help = switch (command) {
        case "run" -> RUN_HELP;
        case "generate" -> GENERATE_HELP;
        case "sql" -> SQL_HELP;
        case "serve" -> SERVE_HELP;
        case "demo" -> DEMO_HELP;
        case "compare-published" -> COMPARE_HELP;
        case "catalogue" -> CATALOGUE_HELP;
        case "simulate" -> SIMULATE_HELP;
        case "trends" -> TRENDS_HELP;
        case "report" -> REPORT_HELP;
        case "bench" -> BENCH_HELP;
        default -> throw CommandErrors.unknownCommand(command);
      };
      if (java.util.Arrays.asList(rest).contains("--help")) {
        out.print(help);
        return 0;
      }
      switch (command) {
        case "run" -> run(Args.parse(command, rest, Set.of("wave", "input", "warehouse", "conf"), Set.of()), out);
        case "generate" -> generate(Args.parse(command, rest,
            Set.of("wave", "out", "seed", "employers", "employees", "conf"), Set.of()), out);
        case "sql" -> sql(Args.parse(command, rest, Set.of("format", "limit", "warehouse", "conf", "file"),
            Set.of()), out);
        case "serve" -> serve(Args.parse(command, rest, Set.of("host", "port", "warehouse", "conf"), Set.of()), out);
        case "demo" -> demo(Args.parse(command, rest, Set.of("warehouse", "conf"), Set.of()), out);
        case "compare-published" -> comparePublished(Args.parse(command, rest, Set.of("wave", "warehouse", "conf"),
            Set.of()), out);
        case "catalogue" -> catalogue(Args.parse(command, rest, Set.of("out", "conf"), Set.of()), out);
        case "trends" -> trends(Args.parse(command, rest, Set.of("warehouse", "conf"), Set.of()), out);
        case "report" -> report(Args.parse(command, rest, Set.of("wave", "out", "warehouse", "conf"), Set.of()), out);
        case "simulate" -> simulate(Args.parse(command, rest, Set.of("wave", "samples", "conf"), Set.of()), out);
        case "bench" -> bench(Args.parse(command, rest, Set.of("sizes", "out", "csv", "conf"), Set.of("vs-r")), out);
        default -> throw new IllegalStateException(command);
      }
      return 0;
    } catch (BarometerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
  }

  private static void run(Args args, PrintStream out) {
    int wave = args.intOption("wave", -1);
    if (wave < 0) {
      throw CommandErrors.missingOption("run", "wave");
    }
    String input = Home.input(args, "run");
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SparkSession spark = SparkSessions.builder("barometer run " + wave, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    WaveRun.Outcome outcome = new WaveRun(spark, config, warehouse).run(wave, input);
    out.printf("Run %s of wave %d succeeded: %s. Tables in %s%n", outcome.record().runId(), wave,
        outcome.record().rowCounts(), warehouse.root());
  }

  private static void generate(Args args, PrintStream out) {
    int wave = args.intOption("wave", -1);
    if (wave < 0) {
      throw CommandErrors.missingOption("generate", "wave");
    }
    Path target = args.outputDirectory("out");
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    DemoGenerator generator = DemoGenerator.forWave(config, wave);
    DemoOptions defaults = generator.defaults();
    DemoOptions options = new DemoOptions(args.longOption("seed", defaults.seed()),
        args.longOption("employers", defaults.employers()), args.longOption("employees", defaults.employees()));
    SparkSession spark = SparkSessions.builder("barometer generate " + wave).getOrCreate();
    GeneratedWave generated = generator.write(spark, target.toAbsolutePath(), options);
    out.printf("Wrote wave %d to %s: %d employer and %d employee respondents; populations of %d firms and %d "
        + "employees.%n", wave, target, generated.employerRespondents(), generated.employeeRespondents(),
        generated.firmPopulation(), generated.employeePopulation());
  }

  private static void sql(Args args, PrintStream out) {
    String script = null;
    if (args.option("file").isPresent()) {
      script = read(Path.of(args.option("file").get()));
    } else if (args.positional().size() == 1) {
      script = args.positional().get(0);
    } else if (!args.positional().isEmpty()) {
      throw CommandErrors.tooManyQueries();
    } else if (System.console() == null) { // statements piped in: a script, not a conversation
      script = readStandardInput();
    }
    QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
    int limit = args.intOption("limit", 1000);
    SparkSession spark = SparkSessions.builder("barometer sql", Home.sparkSettings(args)).getOrCreate();
    queryable(spark, args);
    QueryPrinter printer = new QueryPrinter(out);
    Consumer<String> execute = statement -> printQuery(spark, printer, statement, format, limit);
    if (script == null) {
      new SqlPrompt(SqlPrompt.terminalReader(SqlPrompt.HISTORY_FILE), execute).run();
    } else {
      SqlScript.statements(script).forEach(execute);
    }
  }

  /** The warehouse's tables registered by name in the session, with the labelled views over them. */
  private static Warehouse queryable(SparkSession spark, Args args) {
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    warehouse.register();
    new LabelledViews(BarometerConfig.load(Home.conf(args))).create(spark, warehouse);
    return warehouse;
  }

  private static void printQuery(SparkSession spark, QueryPrinter printer, String statement,
      QueryPrinter.Format format, int limit) {
    try {
      printer.print(spark.sql(statement), format, limit);
    } catch (Exception e) { // Scala's AnalysisException is checked for javac but undeclared
      if (e instanceof AnalysisException analysis) {
        throw QueryErrors.sqlError(analysis);
      }
      throw e;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw CommandErrors.unreadableScript(file.toString(), e);
    }
  }

  private static String readStandardInput() {
    try {
      return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandErrors.unreadableScript("standard input", e);
    }
  }

  private static void serve(Args args, PrintStream out) {
    String host = args.option("host").orElse("127.0.0.1");
    int port = args.intOption("port", 15002);
    SparkSession spark = SparkSessions.builder("barometer serve", Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = queryable(spark, args);
    ConnectEndpoint endpoint = ConnectEndpoint.start(spark, host, port);
    out.printf("Serving the tables of %s at %s (Spark Connect). Stop with Ctrl-C.%n", warehouse.root(),
        endpoint.url());
    out.flush();
    try {
      Thread.currentThread().join(); // the endpoint's threads serve; Ctrl-C ends the JVM and Spark with it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void comparePublished(Args args, PrintStream out) {
    int wave = args.intOption("wave", -1);
    if (wave < 0) {
      throw CommandErrors.missingOption("compare-published", "wave");
    }
    PublishedFigures published = PublishedFigures.load(Home.conf(args), wave);
    SparkSession spark = SparkSessions.builder("barometer compare-published", Home.sparkSettings(args))
        .getOrCreate();
    List<PublishedComparison.Comparison> comparisons =
        new PublishedComparison(spark, new Warehouse(spark, Home.warehouse(args))).compare(published);
    out.printf("%-42s %10s %9s %7s %7s %7s %9s  %s%n", "figure", "published", "estimate", "n", "off by",
        "within", "report N", "");
    for (PublishedComparison.Comparison c : comparisons) {
      PublishedFigure f = c.figure();
      out.printf("%-42s %10s %9s %7s %7s %7.1f %9s  %s%n", f.ref(), f.printed(),
          c.estimate() == null ? "-" : String.format("%.1f", c.estimate()),
          c.baseN() == null ? "-" : c.baseN(), c.estimate() == null ? "-" : String.format("%.1f", c.distance()),
          c.tolerance(), f.baseN() == null ? "" : f.baseN(),
          c.estimate() == null ? "MISSING" : c.flagged() ? "FLAG" : "ok");
    }
    long flagged = comparisons.stream().filter(PublishedComparison.Comparison::flagged).count();
    out.printf("%n%d of %d published figures reproduced within tolerance.%n", comparisons.size() - flagged,
        comparisons.size());
    if (flagged > 0) {
      throw CommandErrors.publishedNotReproduced(flagged, wave);
    }
  }

  private static void catalogue(Args args, PrintStream out) {
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    Path target = Path.of(args.option("out").orElse(Home.home().resolve("docs/indicators.md").toString()));
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, new CatalogueDocument(config).markdown());
    } catch (IOException e) {
      throw CommandErrors.unwritable(target, e);
    }
    out.println("Wrote the indicator catalogue to " + target);
  }

  private static void report(Args args, PrintStream out) {
    int wave = args.intOption("wave", -1);
    if (wave < 0) {
      throw CommandErrors.missingOption("report", "wave");
    }
    Path dir = args.outputDirectory("out", Home.home().resolve("report").resolve(String.valueOf(wave)));
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    ReportFigures figures = ReportFigures.load(Home.conf(args), config.indicators());
    SparkSession spark = SparkSessions.builder("barometer report " + wave, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = queryable(spark, args);
    warehouse.read(Table.INDICATORS); // a warehouse without indicators fails here, saying to run a wave first
    Report.Written written = new Report(spark, figures, config.settings().reliability())
        .write(wave, warehouse.root(), dir);
    out.printf("Wrote the report of wave %d to %s: %d charts%s. Open it in a browser (it needs no network).%n", wave,
        written.index(), written.charts().size(), written.omitted().isEmpty() ? ""
            : ", no chart for " + String.join(", ", written.omitted()));
  }

  private static void trends(Args args, PrintStream out) {
    SparkSession spark = SparkSessions.builder("barometer trends", Home.sparkSettings(args)).getOrCreate();
    writeTrends(new Warehouse(spark, Home.warehouse(args)), out);
  }

  private static void writeTrends(Warehouse warehouse, PrintStream out) {
    warehouse.replace(Table.TRENDS, new TrendEstimator().trends(warehouse.read(Table.INDICATORS)));
    Dataset<Row> trends = warehouse.read(Table.TRENDS);
    Row summary = trends.agg(count(lit(1)), sum(when(col("significant"), 1).otherwise(0)),
        sum(when(col("series_break"), 1).otherwise(0))).first();
    out.printf("Wrote %d trend rows to %s: %d significant at 5 %%, %d with a series break.%n%n", summary.getLong(0),
        warehouse.path(Table.TRENDS), summary.isNullAt(1) ? 0 : summary.getLong(1),
        summary.isNullAt(2) ? 0 : summary.getLong(2));
    new QueryPrinter(out).print(trends.where(col("domain").equalTo("total"))
        .select(col("survey"), col("indicator_id"), col("category"), col("previous_wave"), col("wave"),
            round(col("previous_estimate").multiply(100), 1).as("previous"),
            round(col("estimate").multiply(100), 1).as("estimate"), round(col("change_points"), 1).as("change"),
            round(col("se_change_points"), 1).as("se"), round(col("p_value"), 4).as("p_value"),
            col("significant"), col("series_break"))
        .orderBy("survey", "indicator_id", "category", "wave"), QueryPrinter.Format.TABLE, 1000);
  }

  private static void simulate(Args args, PrintStream out) {
    int wave = args.intOption("wave", 2025);
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SimulationSettings settings = SimulationSettings.load(Home.conf(args));
    settings = settings.withSamples(args.intOption("samples", settings.samples()));
    SparkSession spark = SparkSessions.builder("barometer simulate").getOrCreate();
    List<EstimateCoverage> results = new CoverageSimulation(config, wave, settings).run(spark);
    new CoveragePrinter(out, settings).print(wave, results);
  }

  private static void bench(Args args, PrintStream out) {
    List<Long> sizes = BenchSizes.parse(args.option("sizes").orElse(BenchSizes.DEFAULT));
    Path dir = args.outputDirectory("out", Home.home().resolve("target/bench"));
    Optional<Path> csv = args.outputFile("csv"); // written once every size has run
    BenchDisk.of(dir, sizes, args.flag("vs-r")).check();
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SparkSession spark = SparkSessions.builder("barometer bench").getOrCreate();
    BenchReport report = new BenchReport(out);
    RComparison vsR = args.flag("vs-r")
        ? new RComparison(Home.home().resolve("src/test/r/bench_vs_r.R")) : null;
    List<BenchResult> results = new Benchmark(spark, config, dir, vsR).run(sizes, report::printSize);
    report.printSummary(results);
    if (csv.isPresent()) {
      try {
        Files.writeString(csv.get(), BenchReport.csv(results));
      } catch (IOException e) {
        throw CommandErrors.unwritable(csv.get(), e);
      }
      out.println("Wrote the figures to " + csv.get());
    }
  }

  private static void demo(Args args, PrintStream out) {
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SparkSession spark = SparkSessions.builder("barometer demo").getOrCreate();
    Path data = Home.demoData();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    WaveRun.Outcome first = null;
    for (int wave : DEMO_WAVES) {
      if (!Files.isDirectory(data.resolve("employer").resolve("wave=" + wave))) {
        out.println("Generating the " + wave + " demo wave into " + data + " ...");
        DemoGenerator generator = DemoGenerator.forWave(config, wave);
        generator.write(spark, data, generator.defaults());
      }
      out.println("Running wave " + wave + " into " + warehouse.root() + " ...");
      WaveRun.Outcome outcome = new WaveRun(spark, config, warehouse).run(wave, data.toString());
      first = first == null ? outcome : first;
    }
    new DemoSummary(spark, warehouse, config).print(out, DEMO_WAVES.get(0), first);
    out.println();
    writeTrends(warehouse, out);
  }
}
