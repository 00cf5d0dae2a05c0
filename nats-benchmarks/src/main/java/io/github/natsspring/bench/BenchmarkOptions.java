package io.github.natsspring.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link BrokerBenchmark}.
 *
 * @param quick whether to run the short mode (under three minutes) instead of the full one
 * @param repetitions measured runs per server and scenario, {@code 0} for the mode's default
 * @param natsServer the reference nats-server binary
 * @param brokerJar the broker's standalone jar
 * @param brokerJvmOptions the JVM options the broker is started with
 * @param referenceOnly whether the candidate is a second nats-server instead of the broker, to validate the tool
 * @param connections the number of idle clients in the many-connections scenario
 * @param only substrings of the scenario names to run, in any case; empty for all
 * @param load which clients drive the servers: jnats, the nats.go generator, or both
 * @param resultsDirectory where server logs and the report are written
 */
public record BenchmarkOptions(boolean quick, int repetitions, Path natsServer, Path brokerJar,
		List<String> brokerJvmOptions, boolean referenceOnly, int connections, List<String> only, LoadClients load,
		Path resultsDirectory) {

	/** The broker JVM's default options: fixed heap and a throughput collector for a 2-core machine. */
	public static final List<String> DEFAULT_BROKER_JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xms512m",
			"-Xmx512m");

	static final String USAGE = """
			Usage: java -jar nats-benchmarks.jar [options]
			  --quick                  short run (3 repetitions, about 3 minutes with both loads); default is the full run
			  --repetitions N          measured runs per server and scenario
			  --reference-only         compare nats-server with a second nats-server (validates the tool)
			  --broker-jar PATH        broker jar (default nats-embedded-broker/target/nats-broker.jar)
			  --broker-jvm-opts "..."  broker JVM options (default "-XX:+UseParallelGC -Xms512m -Xmx512m")
			  --nats-server PATH       nats-server binary (default /usr/sbin/nats-server, else from PATH)
			  --connections N          idle clients in the many-connections scenario (default 10000)
			  --only "a;b"             run only scenarios whose name contains one of these texts, in any case
			                           (a TLS or permissions row brings its plaintext row along)
			  --load go|jnats|both     which clients drive the servers (default both): the nats.go generator's
			                           steady-state, TLS and permissions, cold-start, overload, cluster and
			                           JetStream sections, the jnats rows, or all
			  --results DIR            where logs and the report go (default bench-results)
			""";

	/**
	 * Parses the command line.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option or a missing value
	 */
	public static BenchmarkOptions parse(String... args) {
		boolean quick = false;
		int repetitions = 0;
		Path natsServer = defaultNatsServer();
		Path brokerJar = Path.of("nats-embedded-broker", "target", "nats-broker.jar");
		List<String> jvmOptions = DEFAULT_BROKER_JVM_OPTIONS;
		boolean referenceOnly = false;
		int connections = 10_000;
		List<String> only = List.of();
		LoadClients load = LoadClients.BOTH;
		Path results = Path.of("bench-results");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> quick = true;
				case "--reference-only" -> referenceOnly = true;
				case "--repetitions" -> repetitions = Integer.parseInt(value(args, ++i, arg));
				case "--broker-jar" -> brokerJar = Path.of(value(args, ++i, arg));
				case "--broker-jvm-opts" -> jvmOptions = words(value(args, ++i, arg));
				case "--nats-server" -> natsServer = Path.of(value(args, ++i, arg));
				case "--connections" -> connections = Integer.parseInt(value(args, ++i, arg));
				case "--only" -> only = texts(value(args, ++i, arg));
				case "--load" -> load = LoadClients.parse(value(args, ++i, arg));
				case "--results" -> results = Path.of(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		return new BenchmarkOptions(quick, repetitions, natsServer, brokerJar, jvmOptions, referenceOnly, connections,
				only, load, results);
	}

	/**
	 * Returns the measured runs per server and scenario.
	 * @return the explicit repetitions, else 3 for the quick mode and 5 for the full one
	 */
	public int effectiveRepetitions() {
		if (this.repetitions > 0) {
			return this.repetitions;
		}
		return this.quick ? 3 : 5;
	}

	/**
	 * Returns whether a scenario is selected by {@code --only}.
	 * @param scenarioName the scenario name
	 * @return {@code true} when no filter is given or the name contains one of the filter texts, ignoring case
	 */
	public boolean selects(String scenarioName) {
		String name = scenarioName.toLowerCase(Locale.ROOT);
		return this.only.isEmpty()
				|| this.only.stream().anyMatch((text) -> name.contains(text.toLowerCase(Locale.ROOT)));
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Option " + option + " needs a value\n" + USAGE);
		}
		return args[index];
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
		words.removeIf(String::isEmpty);
		return List.copyOf(words);
	}

	private static List<String> texts(String list) {
		return Arrays.stream(list.split(";")).map(String::trim).filter((text) -> !text.isEmpty()).toList();
	}

	private static Path defaultNatsServer() {
		Path debian = Path.of("/usr/sbin/nats-server");
		if (Files.isExecutable(debian)) {
			return debian;
		}
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(directory, "nats-server");
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return debian;
	}

}
