package io.github.natsspring.demo;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.github.natsspring.jetstream.JetStreamOperations;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamState;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts orders into the stream {@value OrderStream#NAME}, answering once the stream has stored them; shows what
 * the workers have processed and what still waits for them.
 */
@RestController
@RequestMapping("/orders")
@ConditionalOnBooleanProperty(name = "nats.jetstream.enabled", matchIfMissing = true)
class OrderController {

	private static final int CONSUMER_NOT_FOUND = 10014;

	private final JetStreamOperations jetStream;

	private final ObjectProvider<JetStreamManagement> management;

	private final ProcessedOrders processedOrders;

	OrderController(JetStreamOperations jetStream, ObjectProvider<JetStreamManagement> management,
			ProcessedOrders processedOrders) {
		this.jetStream = jetStream;
		this.management = management;
		this.processedOrders = processedOrders;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	AcceptedOrder create(@RequestBody NewOrder newOrder) {
		Order order = new Order(UUID.randomUUID().toString(), newOrder.item(), newOrder.quantity());
		PublishAck ack = this.jetStream.publish(OrderSubjects.CREATED, order);
		return new AcceptedOrder(order, ack.getStream(), ack.getSeqno());
	}

	@GetMapping("/processed")
	List<ProcessedOrder> processed() {
		return this.processedOrders.all();
	}

	@GetMapping("/backlog")
	OrderBacklog backlog() throws IOException, JetStreamApiException {
		// looked up per request: the context exists only once the connection has reached a server
		JetStreamManagement management = this.management.getObject();
		StreamState stream = management.getStreamInfo(OrderStream.NAME).getStreamState();
		try {
			ConsumerInfo workers = management.getConsumerInfo(OrderStream.NAME, OrderStream.WORKERS);
			return new OrderBacklog(stream.getMsgCount(), workers.getNumPending(), workers.getNumAckPending());
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() != CONSUMER_NOT_FOUND) {
				throw ex;
			}
			// the worker has never run: its consumer, once created, starts at the first order
			return new OrderBacklog(stream.getMsgCount(), stream.getMsgCount(), 0);
		}
	}
}
