package io.github.natsspring.bench.starter;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

import io.github.natsspring.bench.load.Metric;
import io.github.natsspring.bench.load.Phase;
import io.github.natsspring.bench.load.RunLimits;
import io.github.natsspring.bench.load.Sample;
import io.github.natsspring.bench.load.Scenario;
import io.github.natsspring.bench.server.ClockTicks;
import io.github.natsspring.bench.server.ProcessCpu;
import io.github.natsspring.bench.server.ServerProcess;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;

/**
 * Publishing cost on the client: raw {@link Connection#publish(String, byte[])} or
 * {@link NatsTemplate#convertAndSend(String, Object)} with the same {@code byte[]} payload and no subscriber,
 * measured as the whole client JVM's CPU time (GC included) per message.
 */
public final class PublishCostScenario implements Scenario {

	/** The CPU time of the benchmark JVM per published message. */
	public static final Metric CLIENT_CPU_PER_MESSAGE = ClientCost.CLIENT_CPU_PER_MESSAGE;

	private static final String SUBJECT = "bench.starter.publish";

	private static final int CHECK_EVERY_MASK = 255;

	private final StarterSession session;

	private final boolean viaTemplate;

	private final int payloadBytes;

	private final RunLimits limits;

	private PublishCostScenario(StarterSession session, boolean viaTemplate, int payloadBytes, RunLimits limits) {
		this.session = session;
		this.viaTemplate = viaTemplate;
		this.payloadBytes = payloadBytes;
		this.limits = limits;
	}

	/**
	 * Publishes with {@link Connection#publish(String, byte[])} on the starter application's connection.
	 * @param session the starter application
	 * @param payloadBytes the payload size
	 * @param limits the message count and time bound of a measured run
	 * @return the scenario
	 */
	public static PublishCostScenario rawJnats(StarterSession session, int payloadBytes, RunLimits limits) {
		return new PublishCostScenario(session, false, payloadBytes, limits);
	}

	/**
	 * Publishes with the starter's {@link NatsTemplate}.
	 * @param session the starter application
	 * @param payloadBytes the payload size
	 * @param limits the message count and time bound of a measured run
	 * @return the scenario
	 */
	public static PublishCostScenario natsTemplate(StarterSession session, int payloadBytes, RunLimits limits) {
		return new PublishCostScenario(session, true, payloadBytes, limits);
	}

	@Override
	public String name() {
		return "publish " + this.payloadBytes + " B" + this.session.observation().nameSuffix();
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.MESSAGES_PER_SECOND, CLIENT_CPU_PER_MESSAGE);
	}

	/**
	 * Publishes on the starter application's connection, which is connected to the given server.
	 */
	@Override
	public Sample run(ServerProcess server, Phase phase) throws Exception {
		RunLimits runLimits = (phase == Phase.WARM_UP) ? this.limits.dividedBy(4) : this.limits;
		byte[] payload = new byte[this.payloadBytes];
		StarterContext starter = this.session.context();
		Connection connection = starter.connection();
		BiConsumer<String, byte[]> send = this.viaTemplate ? starter.template()::convertAndSend : connection::publish;
		connection.flush(Duration.ofSeconds(10));
		long self = ProcessHandle.current().pid();
		long cpuBefore = ProcessCpu.readTicks(self);
		long start = System.nanoTime();
		long deadline = start + runLimits.time().toNanos();
		long published = 0;
		while (published < runLimits.messages()) {
			send.accept(SUBJECT, payload);
			published++;
			if ((published & CHECK_EVERY_MASK) == 0 && System.nanoTime() - deadline > 0) {
				break;
			}
		}
		connection.flush(Duration.ofSeconds(30));
		long nanos = System.nanoTime() - start;
		long cpuTicks = ProcessCpu.readTicks(self) - cpuBefore;
		return new Sample().with(Metric.MESSAGES_PER_SECOND, published * 1e9 / nanos)
			.with(CLIENT_CPU_PER_MESSAGE, ClockTicks.toMicros(cpuTicks) / published);
	}

}
