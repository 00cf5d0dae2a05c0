package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.config.ConfigFileException;
import io.github.natsspring.broker.config.ConfigFileReader;
import io.github.natsspring.broker.config.ConfigSyntaxException;
import io.github.natsspring.broker.config.ServerSettings;
import io.github.natsspring.broker.server.BrokerServer;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Runs the broker standalone ({@code java -jar nats-broker.jar}) as a drop-in for nats-server: the same flags,
 * the same output on standard output and standard error, the same log lines and the same exit statuses.
 *
 * <ul>
 * <li>{@code -h}, {@code -v}: usage or version on standard output, status 0.</li>
 * <li>An undefined flag or a bad value: the reason on standard error, usage on standard output, status 0
 * (nats-server's usage function exits with 0).</li>
 * <li>A stray argument, invalid options, an unwritable log or pid file, a port that cannot be bound:
 * status 1.</li>
 * <li>{@code -c file}: the configuration file under the flags given; its errors, all of them, with status 1;
 * {@code -t} checks it and exits. {@code --signal cmd[=pid]} signals a running broker and exits.</li>
 * <li>SIGINT: graceful stop, status 0; SIGTERM: graceful stop, status 1; SIGUSR2: lame-duck mode, then
 * status 0; SIGUSR1: log file reopened; SIGHUP: the configuration file reloaded (refused without one).</li>
 * </ul>
 */
public final class NatsBrokerMain {

	private static final DateTimeFormatter GO_LOG_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

	private NatsBrokerMain() {
	}

	/** Runs the command line, then exits the JVM with the status nats-server would exit with. */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command line with these streams as standard output and error.
	 * @return the exit status; returns only once a started broker has stopped
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		BrokerCommand command = BrokerCommandLine.parse(args);
		if (command instanceof BrokerCommand.ShowVersion) {
			out.println(ProductVersion.versionLine());
			return 0;
		}
		if (command instanceof BrokerCommand.ShowHelp) {
			out.println(BrokerCommandLine.USAGE);
			return 0;
		}
		if (command instanceof BrokerCommand.FlagError error) {
			err.println(error.message());
			out.println(BrokerCommandLine.USAGE);
			return 0;
		}
		if (command instanceof BrokerCommand.SendSignal signal) {
			try {
				ProcessSignal.send(signal.argument());
				return 0;
			}
			catch (IllegalArgumentException ex) {
				err.println(BrokerCommandLine.PROGRAM_NAME + ": " + ex.getMessage());
				return 1;
			}
		}
		if (command instanceof BrokerCommand.UnrecognizedCommand unrecognized) {
			err.println(BrokerCommandLine.PROGRAM_NAME + ": unrecognized command: "
					+ GoQuote.quote(unrecognized.argument()));
			return 1;
		}
		try {
			return serve(((BrokerCommand.Start) command).flags(), err);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/**
	 * The settings of the configuration file, if any, with the given flags laid over them. Warnings of the file
	 * go to standard error, without a prefix; with {@code -t} they fail the check, as in nats-server.
	 */
	static ServerSettings settings(BrokerFlags flags, PrintStream err) {
		if (flags.configFile().isEmpty()) {
			return flags.settings();
		}
		ServerSettings.Builder settings = flags.beforeConfigFile(ServerSettings.builder());
		List<String> warnings = ConfigFileReader.read(flags.configFile(), settings);
		if (!warnings.isEmpty()) {
			if (flags.checkConfig()) {
				throw new ConfigFileException(List.of(), warnings);
			}
			err.print(String.join("\n", warnings) + "\n");
		}
		return flags.applyTo(settings).build();
	}

	private static int serve(BrokerFlags flags, PrintStream err) throws InterruptedException {
		if (flags.checkConfig() && flags.configFile().isEmpty()) {
			err.println(BrokerCommandLine.PROGRAM_NAME
					+ ": must specify [-c, --config] option to check configuration file syntax");
			return 1;
		}
		ServerSettings settings;
		try {
			settings = settings(flags, err);
		}
		catch (ConfigSyntaxException ex) {
			err.println(BrokerCommandLine.PROGRAM_NAME + ": " + ex.getMessage());
			return 1;
		}
		catch (ConfigFileException ex) {
			// nats-server ends every line of the list with a new line, then prints it with one more
			err.println(BrokerCommandLine.PROGRAM_NAME + ": " + ex.getMessage() + "\n");
			return 1;
		}
		catch (IllegalArgumentException ex) {
			err.println(BrokerCommandLine.PROGRAM_NAME + ": " + ex.getMessage());
			return 1;
		}
		if (flags.checkConfig()) {
			err.println(BrokerCommandLine.PROGRAM_NAME + ": configuration file " + flags.configFile() + " is valid");
			return 0;
		}
		// nats-server validates options before its logger exists and finds a bad port only when it listens.
		NatsBrokerOptions options = null;
		if (settings.hasBindablePort()) {
			try {
				options = settings.toOptions();
				if (options.tls() != null) {
					// nats-server reads the certificate and key before it logs anything
					BrokerServer.checkTls(options.tls());
				}
			}
			catch (IllegalArgumentException | NatsBrokerException ex) {
				err.println(BrokerCommandLine.PROGRAM_NAME + ": " + ex.getMessage());
				return 1;
			}
		}
		ServerLogging logging;
		try {
			logging = ServerLogging.install(settings);
		}
		catch (IOException ex) {
			err.println(LocalDateTime.now().format(GO_LOG_TIME) + " error opening file: "
					+ GoOpenError.message(settings.logFile(), ex));
			return 1;
		}
		StartupBanner banner = new StartupBanner();
		banner.starting();
		if (!settings.pidFile().isEmpty()) {
			try {
				PidFile.write(Path.of(settings.pidFile()));
			}
			catch (IOException ex) {
				banner.pidFileFailed(GoOpenError.message(settings.pidFile(), ex));
				return 1;
			}
		}
		if (options == null) {
			banner.listenFailed(settings.listenHost(), settings.listenPort(), "invalid port");
			return 1;
		}
		NatsBroker broker = new NatsBroker(options);
		try {
			broker.start();
		}
		catch (RuntimeException ex) {
			banner.listenFailed(options.host(), options.port(), String.valueOf(ex.getMessage()));
			broker.stop();
			return 1;
		}
		BrokerProcess process = new BrokerProcess(broker, banner, logging, flags, settings);
		Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "nats-broker-shutdown"));
		SignalHandlers.install(process, banner);
		banner.ready(broker, options, flags.configFile(), settings.hasPlaintextPassword());
		return process.awaitExit();
	}
}
