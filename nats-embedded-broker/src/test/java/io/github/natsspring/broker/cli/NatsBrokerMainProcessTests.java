package io.github.natsspring.broker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.github.natsspring.broker.monitor.MonitorHttp;
import io.github.natsspring.broker.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NatsBrokerMainProcessTests {

	private static final Pattern LOG_LINE = Pattern
		.compile("\\[(\\d+)] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} \\[(INF|DBG|TRC|WRN|ERR|FTL)] .*");

	private static final Pattern LISTENING = Pattern
		.compile("Listening for client connections on 127\\.0\\.0\\.1:(\\d+)\n");

	private static final Pattern MONITOR_LISTENING = Pattern
		.compile("\\[INF] Starting http monitor on 127\\.0\\.0\\.1:(\\d+)\n");

	@TempDir
	Path dir;

	@Test
	void helpPrintsUsageOnStandardOutputAndExitsWithZero() {
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-h"));
		assertThat(run.exitStatus()).isZero();
		assertThat(run.stdout()).isEqualTo(BrokerCommandLine.USAGE + "\n");
		assertThat(run.stderr()).isEmpty();
	}

	@Test
	void versionPrintsOneLineOnStandardOutputAndExitsWithZero() {
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("--version"));
		assertThat(run.exitStatus()).isZero();
		assertThat(run.stdout()).matches("nats-broker: v\\S+ \\(compatible with nats-server v2\\.9\\.10\\)\n");
		assertThat(run.stderr()).isEmpty();
	}

	@Test
	void unknownFlagPrintsReasonOnStandardErrorAndUsageOnStandardOutputAndExitsWithZeroLikeNatsServer() {
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("--max_payload", "1024"));
		assertThat(run.exitStatus()).isZero();
		assertThat(run.stderr()).isEqualTo("flag provided but not defined: -max_payload\n");
		assertThat(run.stdout()).isEqualTo(BrokerCommandLine.USAGE + "\n");
	}

	@Test
	void strayArgumentIsAnUnrecognizedCommandWithExitStatusOne() {
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-p", "4222", "start"));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(run.stderr()).isEqualTo("nats-broker: unrecognized command: \"start\"\n");
		assertThat(run.stdout()).isEmpty();
	}

	@Test
	void unbindablePortIsLoggedAsFatalInNatsServerFormatWithExitStatusOne() {
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-p", "99999"));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(run.stderr().lines()).allSatisfy((line) -> assertThat(line).matches(LOG_LINE))
			.allSatisfy((line) -> assertThat(line).startsWith("[" + run.pid() + "] "));
		assertThat(run.stderr()).contains("[INF] Starting nats-broker\n")
			.endsWith("[FTL] Error listening on port: 0.0.0.0:99999, \"invalid port\"\n");
	}

	@Test
	void logFileReceivesTheLogInsteadOfStandardError() throws Exception {
		Path log = dir.resolve("broker.log");
		Files.writeString(log, "earlier line\n");
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-l", log.toString(), "-p", "99999"));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(run.stderr()).isEmpty();
		assertThat(Files.readString(log)).startsWith("earlier line\n[" + run.pid() + "] ")
			.contains("[INF] Starting nats-broker\n")
			.endsWith("[FTL] Error listening on port: 0.0.0.0:99999, \"invalid port\"\n");
	}

	@Test
	void pidFileIsWrittenBeforeListening() throws Exception {
		Path pidFile = dir.resolve("broker.pid");
		Files.writeString(pidFile, "a longer stale content");
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-P", pidFile.toString(), "-p", "99999"));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(Files.readString(pidFile)).isEqualTo(Long.toString(run.pid()));
	}

	@Test
	void unwritableLogFileIsReportedLikeGoLogFatalWithExitStatusOne() {
		Path log = dir.resolve("missing-dir").resolve("broker.log");
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-l", log.toString()));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(run.stderr()).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} error opening file: open "
				+ Pattern.quote(log.toString()) + ": no such file or directory\n");
	}

	@Test
	void startedBrokerLogsItsAddressServesClientsAndExitsWithOneOnSigterm() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "-n", "edge"))) {
			int port = awaitListeningPort(run);
			assertThat(firstLineFrom(port)).startsWith("INFO {");
			assertThat(run.stderr()).contains("[INF]   Name:     edge\n").contains("[INF] Server is ready\n");
			run.terminate();
			assertThat(run.exitStatus()).isEqualTo(1);
			assertThat(run.stderr()).contains("[INF] Initiating Shutdown...\n").endsWith("[INF] Server Exiting..\n");
		}
	}

	@Test
	void monitoringFlagLogsItsAddressAsNatsServerBeforeTheClientPortAndServesVarz() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "-m", "-1"))) {
			awaitListeningPort(run);
			Matcher monitor = MONITOR_LISTENING.matcher(run.stderr());
			assertThat(monitor.find()).as(run.stderr()).isTrue();
			assertThat(run.stderr().indexOf("Starting http monitor")).isLessThan(run.stderr().indexOf("Listening for"));
			int monitoringPort = Integer.parseInt(monitor.group(1));
			assertThat(MonitorHttp.on(monitoringPort).json("/varz")).containsEntry("http_port", (long) monitoringPort);
			run.terminate();
		}
	}

	@Test
	void startedBrokerExitsWithZeroOnSigint() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "-D"))) {
			awaitListeningPort(run);
			run.signal("INT");
			assertThat(run.exitStatus()).isZero();
			assertThat(run.stderr()).contains("[DBG] Trapped \"interrupt\" signal\n")
				.endsWith("[INF] Server Exiting..\n");
		}
	}

	@Test
	void sighupIsRefusedForLackOfConfigurationFileAndTheBrokerKeepsServing() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1"))) {
			int port = awaitListeningPort(run);
			run.signal("HUP");
			awaitLog(run::stderr, "[ERR] Failed to reload server configuration: can only reload config when a file"
					+ " is provided using -c or --config\n");
			assertThat(firstLineFrom(port)).startsWith("INFO {");
			run.terminate();
			assertThat(run.exitStatus()).isEqualTo(1);
		}
	}

	@Test
	void aConfigurationFileConfiguresTheBrokerAndFlagsOverrideIt() throws Exception {
		Path config = Files.writeString(dir.resolve("nats.conf"),
				"server_name: from-file\nmax_payload: 64KB\nlisten: 127.0.0.1:1\n");
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-c", config.toString(), "-p", "-1"))) {
			int port = awaitListeningPort(run);
			String info = firstLineFrom(port);
			assertThat(info).contains("\"server_name\":\"from-file\"").contains("\"max_payload\":65536");
			assertThat(run.stderr()).contains("[INF] Using configuration file: " + config + "\n");
			run.terminate();
		}
	}

	@Test
	void sighupReloadsTheConfigurationFileAndClosesClientsOfTheOldToken() throws Exception {
		Path config = Files.writeString(dir.resolve("reload.conf"), "authorization { token: old }\n");
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-c", config.toString(), "-a", "127.0.0.1", "-p", "-1"))) {
			int port = awaitListeningPort(run);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
				socket.setSoTimeout(5000);
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				in.readLine();
				socket.getOutputStream()
					.write("CONNECT {\"verbose\":false,\"auth_token\":\"old\"}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
				assertThat(in.readLine()).isEqualTo("PONG");
				Files.writeString(config, "authorization { token: new }\nmax_payload: 2000\n");
				run.signal("HUP");
				assertThat(in.readLine()).isEqualTo("-ERR 'Authorization Violation'");
			}
			awaitLog(run::stderr, "[INF] Reloaded server configuration\n");
			assertThat(run.stderr()).contains("[INF] Reloaded: authorization token\n")
				.contains("[INF] Reloaded: max_payload = 2000\n");
			assertThat(firstLineFrom(port)).contains("\"max_payload\":2000");
			run.terminate();
		}
	}

	@Test
	void theSignalFlagReloadsTheBrokerNamedByItsPidFile() throws Exception {
		Path config = Files.writeString(dir.resolve("signal.conf"), "max_payload: 1000\n");
		Path pidFile = dir.resolve("signal.pid");
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-c", config.toString(), "-a", "127.0.0.1",
				"-p", "-1", "-P", pidFile.toString()))) {
			int port = awaitListeningPort(run);
			Files.writeString(config, "max_payload: 2000\n");
			ProcessRun signal = ProcessRun.complete(dir, ProcessRun.brokerMain("--signal", "reload=" + pidFile));
			assertThat(signal.exitStatus()).isZero();
			awaitLog(run::stderr, "[INF] Reloaded server configuration\n");
			assertThat(firstLineFrom(port)).contains("\"max_payload\":2000");
			run.terminate();
		}
	}

	@Test
	void sighupWithAChangeThatCannotBeReloadedKeepsTheRunningConfiguration() throws Exception {
		Path config = Files.writeString(dir.resolve("rename.conf"), "server_name: before\n");
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-c", config.toString(), "-a", "127.0.0.1", "-p", "-1"))) {
			int port = awaitListeningPort(run);
			Files.writeString(config, "server_name: after\nmax_payload: 2000\n");
			run.signal("HUP");
			awaitLog(run::stderr, "[ERR] Failed to reload server configuration: config reload not supported for"
					+ " ServerName: old=before, new=after\n");
			Files.writeString(config, "server_name: before\nport: = 1\n");
			run.signal("HUP");
			awaitLog(run::stderr, "[ERR] Failed to reload server configuration: Parse error on line 2:");
			assertThat(firstLineFrom(port)).contains("\"server_name\":\"before\"").contains("\"max_payload\":1048576");
			run.terminate();
		}
	}

	@Test
	void aBrokenConfigurationFileStopsTheStartWithNatsServersMessage() throws Exception {
		Path config = Files.writeString(dir.resolve("broken.conf"), "port: 4222\nprot: 1\n");
		ProcessRun run = ProcessRun.complete(dir, ProcessRun.brokerMain("-c", config.toString()));
		assertThat(run.exitStatus()).isEqualTo(1);
		assertThat(run.stderr()).isEqualTo("nats-broker: " + config + ":2:1: unknown field \"prot\"\n\n");
	}

	@Test
	void aRefusedClientIsLoggedAsNatsServerLogsIt() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "--auth", "s3cret"))) {
			int port = awaitListeningPort(run);
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
				socket.getOutputStream().write("CONNECT {\"auth_token\":\"guess\"}\r\n".getBytes(StandardCharsets.US_ASCII));
				awaitLog(run::stderr, " - authentication error\n");
			}
			assertThat(run.stderr()).containsPattern("\\[ERR\\] 127\\.0\\.0\\.1:\\d+ - cid:\\d+ - authentication error\n");
		}
	}

	@Test
	void tlsFlagsServeTlsToJnats() throws Exception {
		TestCertificates certificates = TestCertificates.create(dir.resolve("certs"), "Test CA");
		TestCertificates.Issued server = certificates.server("server", TestCertificates.KeyFormat.PKCS1_RSA);
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "--tlscert",
				server.certificateFile().toString(), "--tlskey", server.keyFile().toString()))) {
			int port = awaitListeningPort(run);
			try (Connection connection = Nats.connect(Options.builder()
				.server("nats://127.0.0.1:" + port)
				.sslContext(certificates.clientContext(null))
				.build())) {
				assertThat(connection.getServerInfo().isTLSRequired()).isTrue();
				connection.flush(Duration.ofSeconds(5));
			}
		}
	}

	@Test
	void sigusr2EntersLameDuckMode() throws Exception {
		try (ProcessRun run = ProcessRun.start(dir, ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1"))) {
			awaitListeningPort(run);
			run.signal("USR2");
			awaitLog(run::stderr, "[INF] Entering lame duck mode, stop accepting new clients\n");
		}
	}

	/**
	 * HotSpot takes Flight Recorder's samples by suspending threads with SIGUSR2: a busy broker would take each
	 * sample for an operator's lame-duck signal unless it leaves the signal to the JVM.
	 */
	@Test
	void whileFlightRecorderRunsABusyBrokerLeavesSigusr2ToTheJvmAndKeepsServing() throws Exception {
		List<String> jvmOptions = List.of("-XX:StartFlightRecording=filename=" + dir.resolve("broker.jfr"));
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain(jvmOptions, "-a", "127.0.0.1", "-p", "-1"))) {
			int port = awaitListeningPort(run);
			assertThat(run.stderr()).contains("[WRN] Java Flight Recorder is running and the JVM suspends threads"
					+ " with SIGUSR2: SIGUSR2 no longer enters lame duck mode");
			try (Connection connection = Nats.connect("nats://127.0.0.1:" + port)) {
				AtomicInteger received = new AtomicInteger();
				connection.createDispatcher((message) -> received.incrementAndGet()).subscribe("busy");
				connection.flush(Duration.ofSeconds(5));
				// long enough a load for the recorder to sample the busy event loops many times
				int messages = 300_000;
				for (int i = 0; i < messages; i++) {
					connection.publish("busy", new byte[64]);
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> received.get() == messages);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			}
			assertThat(run.stderr()).doesNotContain("Entering lame duck mode");
		}
	}

	@Test
	void sigusr1ReopensTheLogFileAfterRotation() throws Exception {
		Path log = dir.resolve("broker.log");
		Path rotated = dir.resolve("broker.log.1");
		try (ProcessRun run = ProcessRun.start(dir,
				ProcessRun.brokerMain("-a", "127.0.0.1", "-p", "-1", "-l", log.toString()))) {
			awaitLog(() -> readIfExists(log), "[INF] Server is ready\n");
			Files.move(log, rotated);
			run.signal("USR1");
			awaitLog(() -> readIfExists(log), "[INF] File log re-opened\n");
			run.terminate();
			assertThat(run.exitStatus()).isEqualTo(1);
			assertThat(Files.readString(log)).endsWith("[INF] Server Exiting..\n");
			assertThat(Files.readString(rotated)).contains("[INF] Server is ready\n").doesNotContain("Server Exiting");
		}
	}

	private static int awaitListeningPort(ProcessRun run) {
		Matcher listening = LISTENING.matcher(awaitLog(run::stderr, "[INF] Server is ready\n"));
		assertThat(listening.find()).as("listening line").isTrue();
		return Integer.parseInt(listening.group(1));
	}

	// Fails at once when the broker logs a fatal error instead of waiting for the line that will never come.
	private static String awaitLog(Callable<String> log, String expected) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			String text = log.call();
			if (text.contains("[FTL]")) {
				throw new AssertionError("broker failed:\n" + text);
			}
			return text;
		}, (text) -> text.contains(expected));
	}

	private static String readIfExists(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file) : "";
	}

	private static String firstLineFrom(int port) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(5000);
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			return reader.readLine();
		}
	}
}
