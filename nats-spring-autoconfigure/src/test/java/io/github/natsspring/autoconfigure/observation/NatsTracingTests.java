package io.github.natsspring.autoconfigure.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.github.natsspring.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Message;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace across two services, a requester and a responder, each with Boot's tracing auto-configuration (Brave,
 * W3C propagation): the trace context travels in the NATS headers of the request and of its reply.
 */
class NatsTracingTests {

	@Test
	void traceFollowsARequestToItsReplyThroughTheEmbeddedBroker() {
		service("pricing").withUserConfiguration(PriceService.class)
			.withPropertyValues("nats.embedded.port=0")
			.run((responder) -> {
				String url = "nats://127.0.0.1:" + responder.getEnvironment().getProperty("local.nats.port");
				service("shop").withPropertyValues("nats.servers=" + url)
					.run((requester) -> assertOneTrace(requester, responder));
			});
	}

	@Test
	void traceFollowsARequestToItsReplyThroughNatsServer() {
		try (NatsServerProcess server = NatsServerProcess.start()) {
			service("pricing").withUserConfiguration(PriceService.class)
				.withPropertyValues("nats.servers=" + server.getUrl())
				.run((responder) -> service("shop").withPropertyValues("nats.servers=" + server.getUrl())
					.run((requester) -> assertOneTrace(requester, responder)));
		}
	}

	private static ApplicationContextRunner service(String name) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
					JacksonAutoConfiguration.class, NatsAutoConfiguration.class, NatsListenerAutoConfiguration.class,
					NatsObservationAutoConfiguration.class))
			.withBean(FinishedSpans.class, FinishedSpans::new)
			.withPropertyValues("spring.application.name=" + name, "management.tracing.sampling.probability=1.0",
					"nats.template.observation-enabled=true", "nats.listener.observation-enabled=true");
	}

	private static void assertOneTrace(AssertableApplicationContext requester, AssertableApplicationContext responder) {
		Message reply = requester.getBean(NatsTemplate.class)
			.request("prices.pen", "pen".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
		assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("pen=2.5");

		MutableSpan request = requester.getBean(FinishedSpans.class).awaitSpan("request prices.pen");
		String traceId = request.traceId();
		assertThat(request.parentId()).isNull();
		assertThat(request.tag("messaging.destination.name")).isEqualTo("prices.pen");

		FinishedSpans responderSpans = responder.getBean(FinishedSpans.class);
		MutableSpan process = responderSpans.awaitSpan("process prices.*");
		MutableSpan replySpan = responderSpans.awaitSpan("reply");
		assertThat(process.traceId()).isEqualTo(traceId);
		assertThat(process.parentId()).isEqualTo(request.id());
		assertThat(process.localServiceName()).isEqualTo("pricing");
		assertThat(replySpan.traceId()).isEqualTo(traceId);
		assertThat(replySpan.parentId()).isEqualTo(process.id());

		assertThat(responder.getBean(PriceService.class).receivedTraceparent)
			.isEqualTo("00-" + traceId + "-" + request.id() + "-01");
		assertThat(reply.getHeaders().getFirst("traceparent"))
			.isEqualTo("00-" + traceId + "-" + replySpan.id() + "-01");
	}

	/** Collects the spans a service finishes. */
	static class FinishedSpans extends SpanHandler {

		private final Queue<MutableSpan> spans = new ConcurrentLinkedQueue<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			if (cause == Cause.FINISHED) {
				this.spans.add(span);
			}
			return true;
		}

		MutableSpan awaitSpan(String name) {
			return Awaitility.await("span " + name)
				.atMost(Duration.ofSeconds(5))
				.until(() -> List.copyOf(this.spans).stream().filter((span) -> name.equals(span.name())).findFirst(),
						(found) -> found.isPresent())
				.orElseThrow();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PriceService {

		volatile String receivedTraceparent;

		@NatsListener(subjects = "prices.*", id = "prices")
		String price(String item, @Header("traceparent") String traceparent) {
			this.receivedTraceparent = traceparent;
			return item + "=2.5";
		}
	}
}
