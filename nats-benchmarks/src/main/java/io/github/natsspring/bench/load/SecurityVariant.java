package io.github.natsspring.bench.load;

import java.util.List;

import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.bench.server.ServerSecurity;

/**
 * A load run against servers started with one {@link ServerSecurity}, named after it in the report
 * ({@code pub/sub 1:1, 128 B, TLS}). The load must connect as {@link ServerProcess#access()} says, as the nats.go
 * scenarios do.
 *
 * @param load the load
 * @param security what its servers are started with
 */
public record SecurityVariant(Scenario load, ServerSecurity security) implements Scenario {

	@Override
	public String name() {
		return this.load.name() + ", " + this.security.label();
	}

	@Override
	public List<Metric> metrics() {
		return this.load.metrics();
	}

	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		return this.load.run(server, phase);
	}

}
