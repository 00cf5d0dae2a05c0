package io.github.natsspring.annotation;

import io.nats.client.Connection;
import io.nats.client.Message;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints {@link NatsListener @NatsListener} brings through {@code @Reflective}: invocation of the
 * listener method, binding of its payload and reply types, nothing for injected jnats types.
 */
class NatsListenerRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	NatsListenerRuntimeHintsTests() {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, OrderListeners.class);
	}

	@Test
	void listenerMethodCanBeInvokedReflectively() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderListeners.class, "price"))
			.accepts(this.hints);
	}

	@Test
	void repeatedListenerMethodCanBeInvokedReflectively() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderListeners.class, "audit"))
			.accepts(this.hints);
	}

	@Test
	void payloadAndReplyTypesAreBound() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Quote.class)).accepts(this.hints);
	}

	@Test
	void injectedJnatsTypesAreNotBound() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Message.class)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Connection.class)).rejects(this.hints);
	}

	@Test
	void methodWithoutTheAnnotationGetsNoHint() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderListeners.class, "helper"))
			.rejects(this.hints);
	}

	record Order(String item) {
	}

	record Quote(String item, int cents) {
	}

	static class OrderListeners {

		@NatsListener("orders.price")
		Quote price(Order order, @Header("region") String region, Message message, Connection connection) {
			return new Quote(order.item(), 100);
		}

		@NatsListener("orders.created")
		@NatsListener("orders.updated")
		void audit(String order) {
		}

		void helper(Order order) {
		}
	}
}
