package io.github.natsspring.broker.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;

import io.github.natsspring.broker.cli.GoValueSyntax.InvalidValueException;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads nats-server's command line for the flags this broker supports, with the syntax of Go's {@code flag}
 * package as nats-server 2.9.10 uses it: one or two dashes alike ({@code -port}, {@code --port}), values
 * after {@code =} or as the next argument ({@code -p 4222}, {@code -p=4222}), boolean flags only with
 * {@code =} ({@code -D=false}), no bundling ({@code -DV} is a flag of its own, {@code -VD} is unknown),
 * parsing stops at the first argument that is not a flag or after {@code --}, and the last of repeated
 * flags wins. Pure: no output, no exit.
 */
public final class BrokerCommandLine {

	/** The name this program goes by in usage and error messages. */
	public static final String PROGRAM_NAME = "nats-broker";

	/** The text {@code -h} prints, shaped like nats-server's, listing only the supported flags. */
	public static final String USAGE = """

			Usage: nats-broker [options]

			Server Options:
			    -a, --addr, --net <host>         Bind to host address (default: 0.0.0.0)
			    -p, --port <port>                Use port for clients (default: 4222, -1 for random)
			    -n, --name
			        --server_name <server_name>  Server name (default: auto)
			    -P, --pid <file>                 File to store PID
			    -c, --config <file>              Configuration file
			    -t                               Test configuration and exit
			    -sl,--signal <signal>[=<pid>]    Send signal to nats-broker process (ldm, stop, quit, term, reopen, reload)
			                                     <pid> can be either a PID (e.g. 1) or the path to a PID file
			        --client_advertise <string>  Client URL to advertise to other servers

			Monitoring Options:
			    -m, --http_port <port>           Use port for http monitoring (-1 for random)

			Logging Options:
			    -l, --log <file>                 File to redirect log output
			    -T, --logtime                    Timestamp log entries (default: true)
			    -D, --debug                      Enable debugging output
			    -V, --trace                      Trace the raw protocol
			    -VV                              Verbose trace (same as -V: there is no system account)
			    -DV                              Debug and trace
			    -DVV                             Debug and verbose trace (same as -DV)

			TLS Options:
			        --tls                        Enable TLS, do not verify clients (default: false)
			        --tlscert <file>             Server certificate file
			        --tlskey <file>              Private key for server certificate
			        --tlsverify                  Enable TLS, verify client certificates
			        --tlscacert <file>           Client certificate CA for verification

			Authorization Options:
			        --user <user>                User required for connections
			        --pass <password>            Password required for connections
			        --auth <token>               Authorization token required for connections

			JetStream Options:
			    -js, --jetstream                 Enable JetStream functionality
			    -sd, --store_dir <dir>           Set the storage directory

			Cluster Options:
			        --routes <rurl-1, rurl-2>    Routes to solicit and connect
			        --cluster <cluster-url>      Cluster URL for solicited routes
			        --cluster_name <string>      Cluster Name, if not set one will be dynamically generated
			        --no_advertise <bool>        Do not advertise known cluster information to clients
			        --cluster_advertise <string> Cluster URL to advertise to other servers
			        --connect_retries <number>   For implicit routes, number of connect retries
			        --cluster_listen <url>       Cluster url from which members can solicit routes

			Broker Options (not nats-server's):
			        --io_threads <n>             Event loops for client connections (default: half the CPUs)
			        --http <host:port>           Address for http monitoring (as the config file's http)

			Common Options:
			    -h, --help                       Show this message
			    -v, --version                    Show version
			""";

	private static final Map<String, Flag> FLAGS = Map.ofEntries(
			Map.entry("a", Flag.text("host", (values, value) -> values.host = value)),
			Map.entry("addr", Flag.text("host", (values, value) -> values.host = value)),
			Map.entry("net", Flag.text("host", (values, value) -> values.host = value)),
			Map.entry("p", Flag.integer("port", (values, value) -> values.port = value)),
			Map.entry("port", Flag.integer("port", (values, value) -> values.port = value)),
			Map.entry("n", Flag.text("serverName", (values, value) -> values.serverName = value)),
			Map.entry("name", Flag.text("serverName", (values, value) -> values.serverName = value)),
			Map.entry("server_name", Flag.text("serverName", (values, value) -> values.serverName = value)),
			Map.entry("P", Flag.text("pidFile", (values, value) -> values.pidFile = value)),
			Map.entry("pid", Flag.text("pidFile", (values, value) -> values.pidFile = value)),
			Map.entry("user", Flag.text("user", (values, value) -> values.user = value)),
			Map.entry("pass", Flag.text("password", (values, value) -> values.password = value)),
			Map.entry("auth", Flag.text("token", (values, value) -> values.token = value)),
			Map.entry("l", Flag.text("logFile", (values, value) -> values.logFile = value)),
			Map.entry("log", Flag.text("logFile", (values, value) -> values.logFile = value)),
			Map.entry("T", Flag.bool("logTime", (values, value) -> values.logTime = value)),
			Map.entry("logtime", Flag.bool("logTime", (values, value) -> values.logTime = value)),
			Map.entry("D", Flag.bool("debug", (values, value) -> values.debug = value)),
			Map.entry("debug", Flag.bool("debug", (values, value) -> values.debug = value)),
			Map.entry("V", Flag.bool("trace", (values, value) -> values.trace = value)),
			Map.entry("trace", Flag.bool("trace", (values, value) -> values.trace = value)),
			Map.entry("DV", Flag.bool(null, (values, value) -> values.debugAndTrace = value)),
			Map.entry("VV", Flag.bool(null, (values, value) -> values.verboseTrace = value)),
			Map.entry("DVV", Flag.bool(null, (values, value) -> values.debugAndVerboseTrace = value)),
			Map.entry("m", Flag.integer("httpPort", (values, value) -> values.httpPort = value)),
			Map.entry("http_port", Flag.integer("httpPort", (values, value) -> values.httpPort = value)),
			Map.entry("http", Flag.text("http", (values, value) -> values.http = value)),
			Map.entry("io_threads", Flag.integer("ioThreads", (values, value) -> values.ioThreads = value)),
			Map.entry("tls", Flag.bool("tls", (values, value) -> values.tls = value)),
			Map.entry("tlscert", Flag.text("tls", (values, value) -> values.tlsCert = value)),
			Map.entry("tlskey", Flag.text("tls", (values, value) -> values.tlsKey = value)),
			Map.entry("tlscacert", Flag.text("tls", (values, value) -> values.tlsCaCert = value)),
			Map.entry("tlsverify", Flag.bool("tls", (values, value) -> values.tlsVerify = value)),
			Map.entry("client_advertise",
					Flag.text("clientAdvertise", (values, value) -> values.clientAdvertise = value)),
			Map.entry("cluster", Flag.text("cluster", (values, value) -> values.clusterListen = value)),
			Map.entry("cluster_listen", Flag.text("cluster", (values, value) -> values.clusterListen = value)),
			Map.entry("cluster_name", Flag.text("clusterName", (values, value) -> values.clusterName = value)),
			Map.entry("routes", Flag.text("routes", (values, value) -> values.routes = value)),
			Map.entry("cluster_advertise",
					Flag.text("clusterAdvertise", (values, value) -> values.clusterAdvertise = value)),
			Map.entry("no_advertise", Flag.bool("noAdvertise", (values, value) -> values.noAdvertise = value)),
			Map.entry("connect_retries",
					Flag.integer("connectRetries", (values, value) -> values.connectRetries = value)),
			Map.entry("js", Flag.bool("jetStream", (values, value) -> values.jetStream = value)),
			Map.entry("jetstream", Flag.bool("jetStream", (values, value) -> values.jetStream = value)),
			Map.entry("sd", Flag.text("storeDir", (values, value) -> values.storeDir = value)),
			Map.entry("store_dir", Flag.text("storeDir", (values, value) -> values.storeDir = value)),
			Map.entry("c", Flag.text(null, (values, value) -> values.configFile = value)),
			Map.entry("config", Flag.text(null, (values, value) -> values.configFile = value)),
			Map.entry("t", Flag.bool(null, (values, value) -> values.checkConfig = value)),
			Map.entry("sl", Flag.text(null, (values, value) -> values.signal = value)),
			Map.entry("signal", Flag.text(null, (values, value) -> values.signal = value)),
			Map.entry("h", Flag.bool(null, (values, value) -> values.help = value)),
			Map.entry("help", Flag.bool(null, (values, value) -> values.help = value)),
			Map.entry("v", Flag.bool(null, (values, value) -> values.version = value)),
			Map.entry("version", Flag.bool(null, (values, value) -> values.version = value)));

	private BrokerCommandLine() {
	}

	/** Decides what the arguments ask for; never throws for any input. */
	public static BrokerCommand parse(String... args) {
		Values values = new Values();
		List<String> remaining = Arrays.asList(args);
		while (!remaining.isEmpty()) {
			String arg = remaining.get(0);
			if (arg.length() < 2 || arg.charAt(0) != '-') {
				break;
			}
			if (arg.equals("--")) {
				remaining = remaining.subList(1, remaining.size());
				break;
			}
			String name = arg.substring(arg.charAt(1) == '-' ? 2 : 1);
			if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
				return new BrokerCommand.FlagError("bad flag syntax: " + arg);
			}
			remaining = remaining.subList(1, remaining.size());
			String value = null;
			int equals = name.indexOf('=', 1);
			if (equals > 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			Flag flag = FLAGS.get(name);
			if (flag == null) {
				return new BrokerCommand.FlagError("flag provided but not defined: -" + name);
			}
			if (value == null && !flag.isBool()) {
				if (remaining.isEmpty()) {
					return new BrokerCommand.FlagError("flag needs an argument: -" + name);
				}
				value = remaining.get(0);
				remaining = remaining.subList(1, remaining.size());
			}
			try {
				flag.apply(values, (value != null) ? value : "true");
			}
			catch (InvalidValueException ex) {
				String format = flag.isBool() ? "invalid boolean value %s for -%s: %s"
						: "invalid value %s for flag -%s: %s";
				return new BrokerCommand.FlagError(
						String.format(format, GoQuote.quote(value), name, ex.getMessage()));
			}
		}
		return decide(values, remaining);
	}

	private static BrokerCommand decide(Values values, List<String> positional) {
		if (values.version) {
			return new BrokerCommand.ShowVersion();
		}
		if (values.help) {
			return new BrokerCommand.ShowHelp();
		}
		if (!values.signal.isEmpty()) {
			return new BrokerCommand.SendSignal(values.signal);
		}
		if (!positional.isEmpty()) {
			String command = positional.get(0);
			return switch (command.toLowerCase(Locale.ROOT)) {
				case "version" -> new BrokerCommand.ShowVersion();
				case "help" -> new BrokerCommand.ShowHelp();
				default -> new BrokerCommand.UnrecognizedCommand(command);
			};
		}
		return new BrokerCommand.Start(values.toFlags());
	}

	/** How one flag takes its value: boolean flags take none unless given with {@code =}. */
	private record Flag(String setting, boolean isBool, BiConsumer<Values, String> setter) {

		static Flag text(String setting, BiConsumer<Values, String> setter) {
			return new Flag(setting, false, setter);
		}

		static Flag integer(String setting, ObjLongConsumer<Values> setter) {
			return new Flag(setting, false, (values, value) -> setter.accept(values, GoValueSyntax.parseInt(value)));
		}

		static Flag bool(String setting, BiConsumer<Values, Boolean> setter) {
			return new Flag(setting, true, (values, value) -> setter.accept(values, GoValueSyntax.parseBool(value)));
		}

		void apply(Values values, String value) {
			setter.accept(values, value);
			if (setting != null) {
				values.given.add(setting);
			}
		}
	}

	/** The flag values while parsing; the combined flags stay unset ({@code null}) unless given. */
	private static final class Values {

		private final BrokerFlags defaults = BrokerFlags.defaults();

		String host = defaults.host();

		long port = defaults.port();

		String serverName = defaults.serverName();

		String pidFile = defaults.pidFile();

		String user = defaults.user();

		String password = defaults.password();

		String token = defaults.token();

		String logFile = defaults.logFile();

		boolean logTime = defaults.logTime();

		boolean debug = defaults.debug();

		boolean trace = defaults.trace();

		long ioThreads = defaults.ioThreads();

		long httpPort = defaults.httpPort();

		String http = defaults.http();

		Boolean tls;

		String tlsCert;

		String tlsKey;

		String tlsCaCert;

		Boolean tlsVerify;

		String clientAdvertise = defaults.clientAdvertise();

		boolean jetStream = defaults.jetStream();

		String storeDir = defaults.storeDir();

		String clusterListen = defaults.cluster().listen();

		String clusterName = defaults.cluster().name();

		String routes = defaults.cluster().routes();

		String clusterAdvertise = defaults.cluster().advertise();

		boolean noAdvertise = defaults.cluster().noAdvertise();

		long connectRetries = defaults.cluster().connectRetries();

		Boolean debugAndTrace;

		Boolean verboseTrace;

		Boolean debugAndVerboseTrace;

		String configFile = "";

		String signal = "";

		boolean checkConfig;

		boolean help;

		boolean version;

		final Set<String> given = new HashSet<>();

		// nats-server applies the combined flags after parsing, in the flag names' sorted order (DV, DVV, VV),
		// so a given combined flag overrides -D and -V whatever their position.
		BrokerFlags toFlags() {
			boolean finalDebug = debug;
			boolean finalTrace = trace;
			Set<String> all = new HashSet<>(given);
			if (debugAndTrace != null) {
				finalDebug = debugAndTrace;
				finalTrace = debugAndTrace;
				all.addAll(Set.of("debug", "trace"));
			}
			if (debugAndVerboseTrace != null) {
				finalDebug = debugAndVerboseTrace;
				finalTrace = debugAndVerboseTrace;
				all.addAll(Set.of("debug", "trace"));
			}
			if (verboseTrace != null) {
				finalTrace = verboseTrace;
				all.add("trace");
			}
			return new BrokerFlags(host, port, serverName, pidFile, user, password, token, logFile, logTime,
					finalDebug, finalTrace, ioThreads, httpPort, http, tlsFlags(),
					new BrokerFlags.ClusterFlags(clusterListen, clusterName, routes, clusterAdvertise, noAdvertise,
							connectRetries),
					clientAdvertise, jetStream, storeDir, configFile, checkConfig, all);
		}

		// nats-server turns TLS on when any TLS flag is given, unless -tls=false is (Go visits flags sorted by
		// name, so -tls comes first and its false disables the others)
		private BrokerFlags.TlsFlags tlsFlags() {
			boolean anyOther = tlsCert != null || tlsKey != null || tlsCaCert != null || tlsVerify != null;
			boolean enabled = (tls != null) ? tls : anyOther;
			return new BrokerFlags.TlsFlags(enabled, (tlsCert != null) ? tlsCert : "", (tlsKey != null) ? tlsKey : "",
					(tlsCaCert != null) ? tlsCaCert : "", tlsVerify != null && tlsVerify);
		}
	}
}
