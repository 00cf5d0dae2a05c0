package io.github.natsspring.demo;

import io.github.natsspring.annotation.JetStreamListener;
import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Processes the order events of the stream {@value OrderStream#NAME} through the durable consumer
 * {@value OrderStream#WORKERS}, on two threads. Each event is acknowledged when {@link #process} returns (and
 * delivered again when it throws), so an order posted while the worker is stopped, or the application down, waits
 * in the stream until it is processed. {@code demo.worker.auto-startup=false} leaves the worker stopped.
 */
@Component
@ConditionalOnBooleanProperty(name = "nats.jetstream.enabled", matchIfMissing = true)
class OrderWorker {

	private static final Log logger = LogFactory.getLog(OrderWorker.class);

	private final ProcessedOrders processedOrders;

	OrderWorker(ProcessedOrders processedOrders) {
		this.processedOrders = processedOrders;
	}

	@JetStreamListener(stream = OrderStream.NAME, durable = OrderStream.WORKERS, subjects = OrderSubjects.CREATED,
			concurrency = "2", autoStartup = "${demo.worker.auto-startup}")
	void process(Order order, Message message) {
		long sequence = message.metaData().streamSequence();
		logger.info("Processing order " + order.id() + " (stream sequence " + sequence + "): " + order.quantity()
				+ " x " + order.item());
		this.processedOrders.add(new ProcessedOrder(order, sequence, Thread.currentThread().getName()));
	}
}
