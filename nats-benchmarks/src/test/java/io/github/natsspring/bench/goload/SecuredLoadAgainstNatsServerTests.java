package io.github.natsspring.bench.goload;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.ThroughputShape;
import io.github.natsspring.bench.server.ClientAccess;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerConfiguration;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecuredLoadAgainstNatsServerTests {

	private static final RunLimits TINY = new RunLimits(20_000, Duration.ofSeconds(20));

	private static final GoLoadBuild BUILD = GoLoadBuild.ofThisModule();

	@TempDir
	Path logs;

	@BeforeAll
	static void buildGenerator() throws Exception {
		GoToolchainAvailability.require();
		BUILD.generator();
	}

	@Test
	void pubSubOverTlsDeliversEveryMessage() throws Exception {
		try (ServerProcess server = start(ServerSecurity.TLS)) {
			GoLoadReport report = BUILD.generator().run(server, GoLoad.throughput(ThroughputShape.pubSub(128), TINY))
				.report();

			assertThat(report.delivered()).isEqualTo(20_000);
			assertThat(report.lost()).isZero();
		}
	}

	@Test
	void requestReplyOverTlsAnswersEveryRequest() throws Exception {
		try (ServerProcess server = start(ServerSecurity.TLS)) {
			GoLoadReport report = BUILD.generator()
				.run(server, GoLoad.requests(128, new RunLimits(500, Duration.ofSeconds(20))))
				.report();

			assertThat(report.delivered()).isEqualTo(500);
			assertThat(report.timeouts()).isZero();
		}
	}

	@Test
	void pubSubAsThePermittedUserDeliversEveryMessage() throws Exception {
		try (ServerProcess server = start(ServerSecurity.PERMISSIONS)) {
			GoLoadReport report = BUILD.generator().run(server, GoLoad.throughput(ThroughputShape.pubSub(128), TINY))
				.report();

			assertThat(report.delivered()).isEqualTo(20_000);
			assertThat(report.asyncErrors()).isZero();
		}
	}

	@Test
	void theServerRefusesAClientWithoutTheUsersCredentials() throws Exception {
		ServerConfiguration permissions = ServerSecurity.PERMISSIONS.configure(this.logs);
		ServerCommand anonymous = ServerCommand.natsServer("nats-server", NatsServerAvailability.require())
			.configuredBy(new ServerConfiguration(permissions.file(), ClientAccess.ANONYMOUS_PLAINTEXT));
		try (ServerProcess server = ServerProcess.start(anonymous, this.logs)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> BUILD.generator().run(server, GoLoad.throughput(ThroughputShape.pubSub(16), TINY)))
				.withMessageContaining("Authorization Violation");
		}
	}

	private ServerProcess start(ServerSecurity security) throws Exception {
		ServerCommand command = ServerCommand.natsServer("nats-server", NatsServerAvailability.require())
			.configuredBy(security.configure(this.logs));
		return ServerProcess.start(command, this.logs);
	}

}
