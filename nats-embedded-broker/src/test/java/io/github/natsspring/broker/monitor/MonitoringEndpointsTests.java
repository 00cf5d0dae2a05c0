package io.github.natsspring.broker.monitor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * The broker's monitoring endpoints over real HTTP, after real jnats clients did traffic over real sockets.
 */
class MonitoringEndpointsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final String GO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z";

	private NatsBroker broker;

	private MonitorHttp http;

	@BeforeEach
	void startBroker() {
		this.broker = new NatsBroker(NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(0).build())
			.build());
		this.broker.start();
		this.http = MonitorHttp.on(this.broker.getMonitoringPort());
	}

	@AfterEach
	void stopBroker() {
		this.broker.stop();
	}

	@Test
	void varzCountsWhatClientsSentAndReceived() throws Exception {
		try (Connection publisher = connect("publisher"); Connection subscriber = connect("subscriber")) {
			AtomicInteger received = receive(subscriber, "varz.traffic");
			for (int i = 0; i < 10; i++) {
				publisher.publish("varz.traffic", new byte[5]);
			}
			publisher.flush(WAIT);
			await().atMost(WAIT).until(() -> received.get() == 10);

			Map<String, Object> varz = this.http.json("/varz");

			assertThat(varz).containsEntry("in_msgs", 10L)
				.containsEntry("in_bytes", 50L)
				.containsEntry("out_msgs", 10L)
				.containsEntry("out_bytes", 50L)
				.containsEntry("connections", 2L)
				.containsEntry("total_connections", 2L)
				.containsEntry("subscriptions", 1L)
				.containsEntry("slow_consumers", 0L)
				.containsEntry("server_id", this.broker.getServerId())
				.containsEntry("port", (long) this.broker.getPort())
				.containsEntry("http_port", (long) this.broker.getMonitoringPort())
				.containsEntry("http_host", "127.0.0.1")
				.containsEntry("ping_interval", 120_000_000_000L)
				.containsEntry("write_deadline", 10_000_000_000L)
				.containsEntry("auth_timeout", 2L)
				.containsEntry("version", "2.9.10")
				.containsEntry("cluster", Map.of())
				.containsEntry("http_req_stats", Map.of("/varz", 1L));
			assertThat((String) varz.get("start")).matches(GO_TIME);
			assertThat((String) varz.get("now")).matches(GO_TIME);
			assertThat((String) varz.get("uptime")).matches("\\d+s");
		}
	}

	@Test
	void connzShowsEachConnectionWithItsTrafficAndSubscriptions() throws Exception {
		try (Connection publisher = connect("publisher"); Connection subscriber = connect("subscriber")) {
			AtomicInteger received = receive(subscriber, "connz.traffic");
			subscriber.subscribe("connz.other", "workers");
			subscriber.flush(WAIT);
			for (int i = 0; i < 3; i++) {
				publisher.publish("connz.traffic", new byte[7]);
			}
			publisher.flush(WAIT);
			await().atMost(WAIT).until(() -> received.get() == 3);

			Map<String, Object> connz = this.http.json("/connz?subs=detail");

			assertThat(connz).containsEntry("num_connections", 2L)
				.containsEntry("total", 2L)
				.containsEntry("offset", 0L)
				.containsEntry("limit", 1024L);
			List<Map<String, Object>> connections = connections(connz);
			assertThat(connections).extracting((info) -> info.get("name")).containsExactly("publisher", "subscriber");
			Map<String, Object> publishing = connections.get(0);
			assertThat(publishing).containsEntry("kind", "Client")
				.containsEntry("type", "nats")
				.containsEntry("ip", "127.0.0.1")
				.containsEntry("lang", "java")
				.containsEntry("in_msgs", 3L)
				.containsEntry("in_bytes", 21L)
				.containsEntry("out_msgs", 0L)
				.containsEntry("subscriptions", 0L)
				.containsEntry("pending_bytes", 0L)
				.doesNotContainKeys("subscriptions_list_detail", "stop", "reason", "authorized_user");
			assertThat((String) publishing.get("start")).matches(GO_TIME);
			assertThat((String) publishing.get("rtt")).matches("[0-9.]+(ns|µs|ms|s)");
			Map<String, Object> subscribing = connections.get(1);
			assertThat(subscribing).containsEntry("out_msgs", 3L).containsEntry("out_bytes", 21L);
			assertThat(subscribing.get("subscriptions_list_detail")).asList()
				.containsExactly(Map.of("subject", "connz.traffic", "sid", "1", "msgs", 3L, "cid",
						subscribing.get("cid")),
						Map.of("subject", "connz.other", "qgroup", "workers", "sid", "2", "msgs", 0L, "cid",
								subscribing.get("cid")));
		}
	}

	@Test
	void connzSortsByTheFigureAskedForAndPages() throws Exception {
		try (Connection one = connect("one"); Connection three = connect("three"); Connection two = connect("two")) {
			publish(one, 1);
			publish(three, 3);
			publish(two, 2);

			List<Map<String, Object>> byInMessages = connections(this.http.json("/connz?sort=msgs_from"));
			Map<String, Object> page = this.http.json("/connz?sort=msgs_from&offset=1&limit=1");

			assertThat(byInMessages).extracting((info) -> info.get("name")).containsExactly("three", "two", "one");
			assertThat(page).containsEntry("num_connections", 1L).containsEntry("total", 3L)
				.containsEntry("offset", 1L)
				.containsEntry("limit", 1L);
			assertThat(connections(page)).extracting((info) -> info.get("name")).containsExactly("two");
		}
	}

	@Test
	void connzKeepsClosedConnectionsWithWhyTheyClosed() throws Exception {
		long cid;
		try (Connection leaving = connect("leaving")) {
			leaving.subscribe("closed.subject");
			publish(leaving, 2);
			cid = (long) connections(this.http.json("/connz")).get(0).get("cid");
		}
		await().atMost(WAIT).until(() -> this.broker.getConnectionCount() == 0);

		Map<String, Object> closed = this.http.json("/connz?state=closed&subs=1");
		Map<String, Object> byCid = this.http.json("/connz?state=closed&cid=" + cid);
		Map<String, Object> open = this.http.json("/connz");

		assertThat(connections(closed)).singleElement()
			.satisfies((info) -> assertThat(info).containsEntry("cid", cid)
				.containsEntry("name", "leaving")
				.containsEntry("reason", "Client Closed")
				.containsEntry("in_msgs", 2L)
				.containsEntry("subscriptions_list", List.of("closed.subject")))
			.satisfies((info) -> assertThat((String) info.get("stop")).matches(GO_TIME));
		assertThat(connections(byCid)).extracting((info) -> info.get("cid")).containsExactly(cid);
		assertThat(connections(open)).isEmpty();
		assertThat(this.http.json("/connz?state=all&sort=cid")).containsEntry("total", 1L);
	}

	@Test
	void subszListsTheSubscriptionsAMessageOnTheTestSubjectReaches() throws Exception {
		try (Connection subscriber = connect("subscriber")) {
			subscriber.subscribe("orders.*");
			subscriber.subscribe("orders.new");
			subscriber.subscribe("invoices.>");
			subscriber.flush(WAIT);

			Map<String, Object> stats = this.http.json("/subsz");
			Map<String, Object> reaching = this.http.json("/subsz?subs=1&test=orders.new");

			assertThat(stats).containsOnlyKeys("num_subscriptions", "num_cache", "num_inserts", "num_removes",
					"num_matches", "cache_hit_rate", "max_fanout", "avg_fanout")
				.containsEntry("num_subscriptions", 3L)
				.containsEntry("num_inserts", 3L);
			assertThat(reaching).containsEntry("total", 2L);
			List<Map<String, Object>> listed = list(reaching, "subscriptions_list");
			assertThat(listed).extracting((detail) -> detail.get("subject")).containsExactly("orders.*", "orders.new");
			assertThat(listed).allSatisfy((detail) -> assertThat(detail).containsEntry("account", "$G"));
		}
	}

	@Test
	void healthzRoutezAccountzAndJszAnswerAsNatsServerWithoutClusterOrJetStream() throws Exception {
		assertThat(this.http.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
		assertThat(this.http.json("/routez")).containsEntry("num_routes", 0L).containsEntry("routes", List.of());
		assertThat(this.http.json("/accountz")).containsEntry("accounts", List.of("$G"))
			.doesNotContainKey("system_account");
		assertThat(this.http.json("/accountz?acc=$G").get("account_detail")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("account_name", "$G")
			.containsEntry("client_connections", 0L);
		assertThat(this.http.json("/jsz")).containsEntry("disabled", true).containsEntry("streams", 0L);
	}

	@ParameterizedTest(name = "{0} answers {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/nowhere                          | 404 | '404 page not found\n'
			/varz/                            | 404 | '404 page not found\n'
			/connz?sort=fastest               | 400 | invalid sorting option: fastest
			/connz?sort=stop                  | 400 | sort by stop only valid on closed connections
			/connz?sort=reason&state=all      | 400 | sort by reason only valid on closed connections
			/connz?state=gone                 | 400 | Error decoding state for gone
			/connz?limit=ten                  | 400 | Error decoding int for 'limit': strconv.Atoi: parsing "ten": invalid syntax
			/connz?cid=-1                     | 400 | Error decoding uint64 for 'cid': strconv.ParseUint: parsing "-1": invalid syntax
			/connz?subs=maybe                 | 400 | Error decoding boolean for 'subs': strconv.ParseBool: parsing "maybe": invalid syntax
			/subsz?test=orders.*              | 400 | invalid test subject, must be valid publish subject: orders.*
			/accountz?acc=nobody              | 400 | Account nobody does not exist
			/healthz?js-enabled-only=x        | 400 | Error decoding boolean for 'js-enabled-only': strconv.ParseBool: parsing "x": invalid syntax
			""")
	void unknownPathsAndBadQueryValuesAreAnsweredAsNatsServerAnswersThem(String path, int status, String body)
			throws Exception {
		HttpResponse<String> response = this.http.get(path);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).isEqualTo(body.replace("\\n", "\n"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
	}

	@Test
	void callbackParameterWrapsTheJsonAsJsonp() throws Exception {
		HttpResponse<String> response = this.http.get("/healthz?callback=show");

		assertThat(response.body()).isEqualTo("show({\"status\":\"ok\"})");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/javascript");
	}

	@Test
	void rootPageLinksTheEndpoints() throws Exception {
		HttpResponse<String> response = this.http.get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(response.body()).contains("href=./varz", "href=./connz", "href=./subsz", "href=./healthz");
	}

	@Test
	void aBasePathPrefixesEveryEndpointAsInNatsServer() throws Exception {
		try (NatsBroker prefixed = new NatsBroker(NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(0).basePath("nats/").build())
			.build())) {
			prefixed.start();
			MonitorHttp prefixedHttp = MonitorHttp.on(prefixed.getMonitoringPort());

			assertThat(prefixedHttp.json("/nats/varz")).containsEntry("http_base_path", "/nats");
			assertThat(prefixedHttp.get("/nats").body()).contains("href=./nats/connz");
			assertThat(prefixedHttp.get("/nats/").statusCode()).isEqualTo(404);
			assertThat(prefixedHttp.get("/varz").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aReloadCannotMoveMonitoring() {
		NatsBrokerOptions moved = this.broker.getOptions()
			.toBuilder()
			.monitoring(this.broker.getOptions().monitoring().toBuilder().basePath("/nats").build())
			.build();

		assertThatExceptionOfType(NatsBrokerException.class).isThrownBy(() -> this.broker.reload(moved))
			.withMessage("config reload not supported for HTTPBasePath: old=, new=/nats");
	}

	@Test
	void monitoringPortClosesWhenTheBrokerStops() throws Exception {
		int port = this.broker.getMonitoringPort();
		this.broker.stop();

		assertThat(port).isPositive();
		assertThatIOException().isThrownBy(() -> MonitorHttp.on(port).get("/varz"));
	}

	private Connection connect(String name) throws Exception {
		return Nats.connect(Options.builder().server(this.broker.getClientUrl()).connectionName(name).build());
	}

	private static AtomicInteger receive(Connection connection, String subject) throws Exception {
		AtomicInteger received = new AtomicInteger();
		Dispatcher dispatcher = connection.createDispatcher((message) -> received.incrementAndGet());
		dispatcher.subscribe(subject);
		connection.flush(WAIT);
		return received;
	}

	private static void publish(Connection connection, int messages) throws Exception {
		for (int i = 0; i < messages; i++) {
			connection.publish("nobody.listens", new byte[1]);
		}
		connection.flush(WAIT);
	}

	private static List<Map<String, Object>> connections(Map<String, Object> connz) {
		return list(connz, "connections");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> json, String name) {
		return (List<Map<String, Object>>) json.get(name);
	}
}
