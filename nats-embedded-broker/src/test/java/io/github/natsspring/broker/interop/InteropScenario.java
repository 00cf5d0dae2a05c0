package io.github.natsspring.broker.interop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the interop scenarios: starts targets and jnats connections for one test and closes them all,
 * connections first, when it ends.
 */
@Timeout(30)
public abstract class InteropScenario {

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	/** Starts a target of the given kind with default options on a random loopback port. */
	protected NatsTarget start(TargetKind kind) throws Exception {
		return start(kind, NatsBrokerOptions.loopbackRandomPort());
	}

	/** Starts a target of the given kind with these options; closed when the test ends. */
	protected NatsTarget start(TargetKind kind, NatsBrokerOptions options) throws Exception {
		NatsTarget target = kind.create();
		resources.push(target);
		target.start(options);
		return target;
	}

	/**
	 * Starts a target of the given kind in its own process with these options, for a scenario that kills it;
	 * closed when the test ends.
	 */
	protected ServerProcessTarget startProcess(TargetKind kind, NatsBrokerOptions options) throws Exception {
		ServerProcessTarget target = kind.createProcess();
		resources.push(target);
		target.start(options);
		return target;
	}

	/** jnats options pointing at the target, with a connect timeout short enough for tests. */
	protected Options.Builder options(NatsTarget target) {
		return Options.builder().server(target.url()).connectionTimeout(Duration.ofSeconds(5));
	}

	/** A jnats connection to the target with default options; closed when the test ends. */
	protected Connection connect(NatsTarget target) throws Exception {
		return connect(options(target));
	}

	/** A jnats connection built from these options; closed when the test ends. */
	protected Connection connect(Options.Builder options) throws Exception {
		Connection connection = Nats.connect(options.build());
		resources.push(connection);
		return connection;
	}

	/** A raw protocol socket to the target that has read the greeting INFO; closed when the test ends. */
	protected RawNatsSocket openRawSocket(NatsTarget target, int receiveBufferSize) throws Exception {
		RawNatsSocket socket = RawNatsSocket.open(target.port(), receiveBufferSize);
		resources.push(socket);
		return socket;
	}

	/** Closes the resource when the test ends, before the targets started earlier. */
	protected <T extends AutoCloseable> T closeAtEnd(T resource) {
		resources.push(resource);
		return resource;
	}

	@AfterEach
	protected void closeResources() throws Exception {
		Exception failure = null;
		while (!resources.isEmpty()) {
			try {
				resources.pop().close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}
