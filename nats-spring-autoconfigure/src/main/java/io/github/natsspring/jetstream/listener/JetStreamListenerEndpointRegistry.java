package io.github.natsspring.jetstream.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.jetstream.JetStreamAdmin;
import io.github.natsspring.jetstream.JetStreamContexts;
import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the {@link JetStreamListenerContainer JetStream listener containers} by id and ties them to the context
 * lifecycle, as the core listeners' registry does: they start in the highest phase, after the declarations of
 * {@link io.github.natsspring.jetstream.JetStreamAdmin}, and stop in parallel before the connection is drained.
 * When the connection is not connected at start (remote mode, server down), or the admin's declarations still wait
 * for it, the containers wait too: {@link #startIfWaiting()} starts them once it connects.
 */
public class JetStreamListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(JetStreamListenerEndpointRegistry.class);

	private final Map<String, JetStreamListenerContainer> containers = new LinkedHashMap<>();

	private final Connection connection;

	private final JetStreamAdmin admin;

	private volatile boolean running;

	private boolean waiting;

	/**
	 * Creates a registry.
	 * @param connection the connection the containers consume on, to know whether they can start
	 * @param admin the admin whose declarations come first
	 */
	public JetStreamListenerEndpointRegistry(Connection connection, JetStreamAdmin admin) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.admin = Objects.requireNonNull(admin, "admin");
	}

	/**
	 * Finds a container by listener id.
	 * @param id the listener id
	 * @return the container, or {@code null}
	 */
	public synchronized @Nullable JetStreamListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * All registered containers.
	 * @return the containers in registration order
	 */
	public synchronized Collection<JetStreamListenerContainer> getListenerContainers() {
		return List.copyOf(new ArrayList<>(this.containers.values()));
	}

	/**
	 * Registers a container, starting it at once when the registry runs and the container starts automatically.
	 * @param container the container
	 * @throws IllegalStateException if a container with the same id is registered
	 */
	public synchronized void registerListenerContainer(JetStreamListenerContainer container) {
		if (this.containers.putIfAbsent(container.getId(), container) != null) {
			throw new IllegalStateException("Another JetStream listener is already registered with id '"
					+ container.getId() + "'");
		}
		if (this.running && !this.waiting && container.isAutoStartup()) {
			container.start();
		}
	}

	@Override
	public synchronized void start() {
		if (JetStreamContexts.isConnected(this.connection) && !this.admin.isWaiting()) {
			startContainers();
		}
		else {
			this.waiting = true;
			if (!this.containers.isEmpty()) {
				logger.info("The JetStream listeners start once the NATS connection connects and the declarations"
						+ " have run (connection status " + this.connection.getStatus() + ")");
			}
		}
		this.running = true;
	}

	/**
	 * Starts the containers that waited at start because the connection was not connected, if any. A container
	 * that cannot start is logged and left stopped; the others start.
	 */
	public synchronized void startIfWaiting() {
		if (!this.running || !this.waiting) {
			return;
		}
		this.waiting = false;
		for (JetStreamListenerContainer container : this.containers.values()) {
			if (container.isAutoStartup()) {
				try {
					container.start();
				}
				catch (RuntimeException ex) {
					logger.error("JetStream listener '" + container.getId() + "' could not start", ex);
				}
			}
		}
	}

	private void startContainers() {
		for (JetStreamListenerContainer container : this.containers.values()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
	}

	@Override
	public void stop() {
		drainAll().join();
	}

	@Override
	public void stop(Runnable callback) {
		drainAll().whenComplete((result, ex) -> callback.run());
	}

	private synchronized CompletableFuture<Void> drainAll() {
		this.running = false;
		this.waiting = false;
		return CompletableFuture.allOf(this.containers.values()
			.stream()
			.map(JetStreamListenerContainer::drain)
			.toArray(CompletableFuture[]::new));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops containers still running, for contexts closed without a lifecycle stop.
	 */
	@Override
	public void destroy() {
		stop();
	}
}
