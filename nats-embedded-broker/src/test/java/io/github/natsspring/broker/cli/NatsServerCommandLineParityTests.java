package io.github.natsspring.broker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Gives the same command lines to nats-server and to this broker's main and expects the same exit status and
 * the same messages, the program name aside. Only command lines that never open a port are compared.
 */
class NatsServerCommandLineParityTests {

	private static Path natsServer;

	@TempDir
	Path dir;

	@BeforeAll
	static void findNatsServer() {
		Optional<Path> found = Stream.concat(Stream.of(Path.of("/usr/sbin/nats-server")),
				Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
					.filter((entry) -> !entry.isEmpty())
					.map((entry) -> Path.of(entry, "nats-server")))
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
			fail("nats-server is required in CI but was found neither at /usr/sbin/nats-server nor on PATH");
		}
		assumeTrue(found.isPresent(), "nats-server not installed");
		natsServer = found.get();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--bogus", "-x", "-VD", "-p abc", "--port=abc", "-p 99999999999999999999", "-p",
			"-D=maybe", "---port 1", "-=1", "-h --bogus", "-v -p abc", "--auth", "-T=yes", "--connect_retries x",
			"--no_advertise=maybe", "--cluster", "--routes" })
	void badFlagsGiveTheSameReasonOnStandardErrorAndUsageWithExitStatusZero(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isZero();
		assertThat(broker.stderr()).isEqualTo(server.stderr()).isNotEmpty();
		assertThat(broker.stdout()).startsWith("\nUsage: nats-broker [options]\n\n");
		assertThat(server.stdout()).startsWith("\nUsage: nats-server [options]\n\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "foo", "-p 4222 start", "-D -- -p", "-D false", "-" })
	void strayArgumentsGiveTheSameErrorWithExitStatusOne(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(server.stderr().replace("nats-server:", "nats-broker:"));
		assertThat(broker.stdout()).isEqualTo(server.stdout()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--tls", "--tlsverify", "--tlscacert ca.pem", "--tlscert cert.pem",
			"--tlskey key.pem", "--tlscert nope.pem --tlskey nope.pem", "--tls --tlscert nope.pem --tlskey key.pem" })
	void incompleteOrMissingTlsFilesGiveTheSameErrorWithExitStatusOne(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(server.stderr().replace("nats-server:", "nats-broker:")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--routes nats://127.0.0.1:1", "--routes nats://127.0.0.1:1 --cluster=",
			"--cluster 127.0.0.1:6222", "--cluster localhost:6222", "--cluster nats://127.0.0.1",
			"--cluster nats://127.0.0.1:x", "--cluster nats://127.0.0.1:", "--cluster nats://u@127.0.0.1:-1",
			"--cluster ://x", "--cluster nats://[::1", "--cluster nats://a%zz:1", "--cluster nats://u{:p@127.0.0.1:1",
			"--cluster nats://127.0.0.1:1:2", "--cluster nats://127.0.0.1:99999999999999999999" })
	void badClusterFlagsGiveTheSameErrorWithExitStatusOne(String args) {
		ProcessRun server = runNatsServer("-a 127.0.0.1 -p -1 " + args);
		ProcessRun broker = runBroker("-a 127.0.0.1 -p -1 " + args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(server.stderr().replace("nats-server:", "nats-broker:")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "--signal bogus=1", "--signal reload=abc", "--signal reload=1=2", "-sl reload=999999999" })
	void signalsThatCannotBeSentGiveTheSameErrorWithExitStatusOne(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(server.stderr().replace("nats-server:", "nats-broker:")).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-h", "--help", "help", "-h version", "-h=true" })
	void helpGivesUsageOnStandardOutputWithExitStatusZero(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isZero();
		assertThat(broker.stderr()).isEqualTo(server.stderr()).isEmpty();
		assertThat(broker.stdout()).startsWith("\nUsage: nats-broker [options]\n\n").endsWith("Show version\n\n");
		assertThat(server.stdout()).startsWith("\nUsage: nats-server [options]\n\n").endsWith("TLS help\n\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-v", "--version", "version", "-v -h" })
	void versionGivesOneLineOnStandardOutputWithExitStatusZero(String args) {
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isZero();
		assertThat(server.stdout()).matches("nats-server: v\\S+\n");
		assertThat(broker.stdout()).matches("nats-broker: v\\S+ .*\n");
	}

	@Test
	void unbindablePortIsFatalWithExitStatusOne() {
		ProcessRun server = runNatsServer("-a 127.0.0.1 -p 99999");
		ProcessRun broker = runBroker("-a 127.0.0.1 -p 99999");
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		String fatal = "\\[\\d+] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} "
				+ "\\[FTL] Error listening on port: 127\\.0\\.0\\.1:99999, \".+\"";
		assertThat(lastLine(server.stderr())).matches(fatal);
		assertThat(lastLine(broker.stderr())).matches(fatal);
	}

	@Test
	void unwritablePidFileIsFatalWithTheSameMessageAndExitStatusOne() {
		String args = "-a 127.0.0.1 -p 99999 -P " + dir.resolve("missing").resolve("x.pid");
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(withoutPidAndTime(lastLine(broker.stderr()))).isEqualTo(withoutPidAndTime(lastLine(server.stderr())))
			.startsWith("[FTL] Could not write pidfile: open ");
	}

	@Test
	void unwritableLogFileIsFatalWithTheSameMessageAndExitStatusOne() {
		String args = "-a 127.0.0.1 -p 99999 -l " + dir.resolve("missing").resolve("x.log");
		ProcessRun server = runNatsServer(args);
		ProcessRun broker = runBroker(args);
		assertThat(broker.exitStatus()).isEqualTo(server.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr().substring(20)).isEqualTo(server.stderr().substring(20))
			.startsWith("error opening file: open ");
	}

	private static String withoutPidAndTime(String logLine) {
		return logLine.replaceFirst("^\\[\\d+] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} ", "");
	}

	private ProcessRun runNatsServer(String args) {
		List<String> command = new ArrayList<>(List.of(natsServer.toString()));
		command.addAll(split(args));
		return ProcessRun.complete(dir, command);
	}

	private ProcessRun runBroker(String args) {
		return ProcessRun.complete(dir, ProcessRun.brokerMain(split(args).toArray(String[]::new)));
	}

	private static List<String> split(String args) {
		return List.of(args.split(" "));
	}

	private static String lastLine(String text) {
		List<String> lines = text.lines().toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}
}
