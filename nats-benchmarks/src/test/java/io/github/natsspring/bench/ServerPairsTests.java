package io.github.natsspring.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.bench.goload.GoLoadBuild;
import io.github.natsspring.bench.load.NatsServerAvailability;
import io.github.natsspring.bench.server.ServerCommand;
import io.github.natsspring.bench.server.ServerSecurity;

import static org.assertj.core.api.Assertions.assertThat;

class ServerPairsTests {

	@TempDir
	Path logs;

	private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

	@Test
	void aPairIsStartedOnceWithItsConfigurationFileGivenToBothServers() throws Exception {
		try (ServerPairs servers = natsServerPairs()) {
			ServerPairs.Pair tls = servers.pair(ServerSecurity.TLS);

			assertThat(servers.pair(ServerSecurity.TLS)).isSameAs(tls);
			assertThat(tls.reference().url()).startsWith("tls://127.0.0.1:");
			assertThat(tls.candidate().url()).startsWith("tls://127.0.0.1:");
			assertThat(tls.reference().command().configuration().file())
				.isEqualTo(this.logs.resolve("tls.conf").toAbsolutePath())
				.isEqualTo(tls.candidate().command().configuration().file());
			assertThat(servers.describe()).contains("-c " + this.logs.resolve("tls.conf").toAbsolutePath())
				.isEqualTo(this.progress.toString(StandardCharsets.UTF_8));
		}
	}

	@Test
	void closingStopsEveryPair() throws Exception {
		ServerPairs.Pair plaintext;
		ServerPairs.Pair permissions;
		try (ServerPairs servers = natsServerPairs()) {
			plaintext = servers.pair(ServerSecurity.PLAINTEXT);
			permissions = servers.pair(ServerSecurity.PERMISSIONS);
		}

		assertThat(ProcessHandle.of(plaintext.reference().pid())).isEmpty();
		assertThat(ProcessHandle.of(permissions.candidate().pid())).isEmpty();
	}

	private ServerPairs natsServerPairs() {
		Path natsServer = NatsServerAvailability.require();
		// a filter that selects no scenario: the pairs start with nothing to warm up
		BenchmarkPlan plan = BenchmarkPlan.of(BenchmarkOptions.parse("--load", "go", "--only", "no such scenario"),
				GoLoadBuild.inModule(Path.of(".")));
		return new ServerPairs(plan, ServerCommand.natsServer("nats-server", natsServer),
				ServerCommand.natsServer("nats-server (B)", natsServer), this.logs,
				new PrintStream(this.progress, true, StandardCharsets.UTF_8));
	}

}
