package io.github.natsspring.broker.interop;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.monitor.MonitorHttp;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probe of issue 11: the same jnats traffic against nats-server 2.9.10 and the broker, then their monitoring
 * endpoints read over HTTP and compared: the fields each endpoint has, the counters, paging, every sort order,
 * closed connections and their reasons, and the answers to bad queries. Values that are different by nature
 * (ids, times, ports, versions, memory and CPU) are compared by presence only.
 */
@Timeout(60)
class MonitoringParityTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	/** The figure each sort orders by; ties keep no defined order in nats-server, so the figures are compared. */
	private static final Map<String, String> SORTED_FIGURES = Map.of("subs", "subscriptions", "pending",
			"pending_bytes", "msgs_to", "out_msgs", "msgs_from", "in_msgs", "bytes_to", "out_bytes", "bytes_from",
			"in_bytes");

	private final List<AutoCloseable> resources = new ArrayList<>();

	private Probe natsServer;

	private Probe broker;

	@BeforeEach
	void runTheSameTrafficAgainstBoth() throws Exception {
		this.natsServer = probe(TargetKind.NATS_SERVER);
		this.broker = probe(TargetKind.EMBEDDED);
	}

	@AfterEach
	void closeAll() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void everyEndpointHasTheFieldsNatsServerHas() throws Exception {
		for (String path : List.of("/varz", "/connz", "/connz?subs=1", "/connz?subs=detail", "/connz?auth=1",
				"/connz?state=closed", "/connz?state=all", "/subsz", "/subsz?subs=1", "/subsz?subs=1&test=parity.orders",
				"/routez", "/accountz", "/accountz?acc=$G", "/jsz")) {
			assertThat(keyPaths(this.broker.http.json(path))).as(path)
				.isEqualTo(keyPaths(this.natsServer.http.json(path)));
		}
		assertThat(this.broker.http.get("/healthz").body()).isEqualTo(this.natsServer.http.get("/healthz").body());
	}

	@Test
	void serverCountersAgree() throws Exception {
		Map<String, Object> expected = this.natsServer.http.json("/varz");
		Map<String, Object> actual = this.broker.http.json("/varz");

		for (String counter : List.of("in_msgs", "out_msgs", "in_bytes", "out_bytes", "connections",
				"total_connections", "subscriptions", "slow_consumers", "routes", "max_connections", "max_payload",
				"max_pending", "max_control_line", "ping_interval", "ping_max", "write_deadline", "auth_timeout",
				"tls_timeout", "http_base_path", "https_port", "proto", "version")) {
			assertThat(actual.get(counter)).as(counter).isEqualTo(expected.get(counter));
		}
		assertThat(actual.get("http_req_stats")).isEqualTo(expected.get("http_req_stats"));
	}

	@Test
	void eachConnectionsCountersAgree() throws Exception {
		Map<String, Map<String, Object>> expected = byName(this.natsServer.http.json("/connz?subs=detail"));
		Map<String, Map<String, Object>> actual = byName(this.broker.http.json("/connz?subs=detail"));

		assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
		expected.forEach((name, connection) -> {
			for (String field : List.of("in_msgs", "out_msgs", "in_bytes", "out_bytes", "subscriptions",
					"pending_bytes", "lang", "kind", "type", "ip")) {
				assertThat(actual.get(name).get(field)).as(name + " " + field).isEqualTo(connection.get(field));
			}
			assertThat(subscriptionsWithoutCid(actual.get(name))).as(name)
				.isEqualTo(subscriptionsWithoutCid(connection));
		});
	}

	@Test
	void everySortOrderAndPageAgree() throws Exception {
		for (String sort : List.of("cid", "start")) {
			assertThat(names(this.broker.http.json("/connz?sort=" + sort))).as(sort)
				.isEqualTo(names(this.natsServer.http.json("/connz?sort=" + sort)));
		}
		SORTED_FIGURES.forEach((sort, figure) -> assertThat(field(json(this.broker, "/connz?sort=" + sort), figure))
			.as(sort)
			.isEqualTo(field(json(this.natsServer, "/connz?sort=" + sort), figure)));
		// by time: the same connections, each server ordering them by its own clock
		for (String sort : List.of("last", "idle", "uptime")) {
			assertThat(names(this.broker.http.json("/connz?sort=" + sort))).as(sort)
				.containsExactlyInAnyOrderElementsOf(names(this.natsServer.http.json("/connz?sort=" + sort)));
		}
		String page = "/connz?sort=bytes_from&offset=1&limit=2";
		Map<String, Object> expected = this.natsServer.http.json(page);
		Map<String, Object> actual = this.broker.http.json(page);
		assertThat(names(actual)).isEqualTo(names(expected));
		for (String field : List.of("num_connections", "total", "offset", "limit")) {
			assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
		}
	}

	@Test
	void closedConnectionsAgreeWithTheirReasons() throws Exception {
		for (String query : List.of("/connz?state=closed", "/connz?state=closed&sort=reason",
				"/connz?state=closed&sort=stop", "/connz?state=all")) {
			Map<String, Object> expected = this.natsServer.http.json(query);
			Map<String, Object> actual = this.broker.http.json(query);
			assertThat(names(actual)).as(query).isEqualTo(names(expected));
			assertThat(field(actual, "reason")).as(query).isEqualTo(field(expected, "reason"));
			assertThat(field(actual, "in_msgs")).as(query).isEqualTo(field(expected, "in_msgs"));
			assertThat(actual.get("total")).as(query).isEqualTo(expected.get("total"));
		}
	}

	@Test
	void userAndAccountFiltersAgreeWithTheirTotals() throws Exception {
		for (String query : List.of("/connz?acc=nope", "/connz?acc=$G", "/connz?acc=$G&state=all",
				"/connz?user=nobody", "/connz?user=nobody&state=closed")) {
			Map<String, Object> expected = this.natsServer.http.json(query);
			Map<String, Object> actual = this.broker.http.json(query);
			assertThat(keyPaths(actual)).as(query).isEqualTo(keyPaths(expected));
			assertThat(actual.get("connections") == null).as(query).isEqualTo(expected.get("connections") == null);
			if (actual.get("connections") != null) {
				assertThat(names(actual)).as(query).containsExactlyInAnyOrderElementsOf(names(expected));
			}
			assertThat(actual.get("total")).as(query).isEqualTo(expected.get("total"));
			assertThat(actual.get("num_connections")).as(query).isEqualTo(expected.get("num_connections"));
			assertThat(((String) actual.get("server_id")).isEmpty()).as(query)
				.isEqualTo(((String) expected.get("server_id")).isEmpty());
		}
	}

	@Test
	void subscriptionFiguresAgree() throws Exception {
		Map<String, Object> expected = this.natsServer.http.json("/subsz?subs=1&test=parity.orders");
		Map<String, Object> actual = this.broker.http.json("/subsz?subs=1&test=parity.orders");

		for (String field : List.of("num_subscriptions", "num_inserts", "num_removes", "total", "offset", "limit")) {
			assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
		}
		assertThat(subjects(actual)).isEqualTo(subjects(expected));
	}

	@Test
	void badQueriesAndUnknownPathsGetTheSameAnswers() throws Exception {
		for (String query : List.of("/nowhere", "/varz/", "/connz?sort=fastest", "/connz?sort=stop",
				"/connz?sort=reason&state=all", "/connz?state=gone", "/connz?limit=ten", "/connz?offset=1.5",
				"/connz?cid=-1", "/connz?cid=99999999999999999999", "/connz?auth=yes", "/connz?subs=maybe",
				"/subsz?subs=x", "/subsz?offset=x", "/subsz?test=parity.*", "/subsz?test=a..b", "/routez?subs=x",
				"/accountz?acc=nobody", "/jsz?accounts=x", "/jsz?limit=x", "/healthz?js-enabled-only=x",
				"/healthz?js-server-only=x")) {
			HttpResponse<String> expected = this.natsServer.http.get(query);
			HttpResponse<String> actual = this.broker.http.get(query);
			assertThat(actual.statusCode()).as(query).isEqualTo(expected.statusCode());
			assertThat(actual.body()).as(query).isEqualTo(expected.body());
			assertThat(actual.headers().firstValue("Content-Type")).as(query)
				.isEqualTo(expected.headers().firstValue("Content-Type"));
		}
	}

	/**
	 * Starts a target with monitoring and runs the scenario's traffic: a subscriber on three subjects (one in a
	 * queue group), three publishers sending different numbers of messages, and two clients that close.
	 */
	private Probe probe(TargetKind kind) throws Exception {
		NatsTarget target = kind.create();
		this.resources.add(target);
		target.start(NatsBrokerOptions.builder()
			.host("127.0.0.1")
			.port(0)
			.monitoring(BrokerMonitoring.builder().host("127.0.0.1").port(0).build())
			.build());
		Connection subscriber = connect(target, "subscriber");
		AtomicInteger received = new AtomicInteger();
		Dispatcher dispatcher = subscriber.createDispatcher((message) -> received.incrementAndGet());
		dispatcher.subscribe("parity.orders");
		dispatcher.subscribe("parity.*", "workers");
		dispatcher.subscribe("parity.invoices.>");
		subscriber.flush(WAIT);
		publish(connect(target, "publisher-1"), "parity.orders", 1, 10);
		publish(connect(target, "publisher-3"), "parity.other", 3, 100);
		publish(connect(target, "publisher-2"), "parity.invoices.new", 2, 1000);
		try (Connection leaving = connect(target, "leaving-first")) {
			leaving.subscribe("parity.leaving");
			publish(leaving, "parity.orders", 5, 1);
		}
		try (Connection leaving = connect(target, "leaving-second")) {
			publish(leaving, "nobody.listens", 4, 2);
		}
		MonitorHttp http = MonitorHttp.on(target.monitoringPort());
		// parity.orders reaches two subscriptions: 2 × 1 from publisher-1 and 2 × 5 from leaving-first; 3 + 2 others
		await().atMost(WAIT).until(() -> received.get() == 17);
		await().atMost(WAIT).until(() -> ((List<?>) http.json("/connz?state=closed").get("connections")).size() == 2);
		return new Probe(http);
	}

	private Connection connect(NatsTarget target, String name) throws Exception {
		Connection connection = Nats.connect(Options.builder()
			.server(target.url())
			.connectionName(name)
			.connectionTimeout(WAIT)
			.build());
		this.resources.add(connection);
		return connection;
	}

	private static void publish(Connection connection, String subject, int messages, int size) throws Exception {
		for (int i = 0; i < messages; i++) {
			connection.publish(subject, new byte[size]);
		}
		connection.flush(WAIT);
	}

	private static Map<String, Object> json(Probe probe, String path) {
		try {
			return probe.http.json(path);
		}
		catch (Exception ex) {
			throw new IllegalStateException(path, ex);
		}
	}

	/** Every key of the JSON with its path, list elements merged: what fields an answer has, not their values. */
	private static TreeSet<String> keyPaths(Object json) {
		TreeSet<String> paths = new TreeSet<>();
		collect(json, "", paths);
		return paths;
	}

	private static void collect(Object json, String prefix, TreeSet<String> paths) {
		if (json instanceof Map<?, ?> object) {
			object.forEach((key, value) -> {
				paths.add(prefix + key);
				collect(value, prefix + key + ".", paths);
			});
		}
		else if (json instanceof List<?> array) {
			array.forEach((element) -> collect(element, prefix + "[].", paths));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> connections(Map<String, Object> connz) {
		return (List<Map<String, Object>>) connz.get("connections");
	}

	private static Map<String, Map<String, Object>> byName(Map<String, Object> connz) {
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		connections(connz).forEach((connection) -> byName.put((String) connection.get("name"), connection));
		return byName;
	}

	private static List<Object> names(Map<String, Object> connz) {
		return field(connz, "name");
	}

	private static List<Object> field(Map<String, Object> connz, String name) {
		return connections(connz).stream().map((connection) -> connection.get(name)).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> subscriptionsWithoutCid(Map<String, Object> connection) {
		List<Map<String, Object>> details = (List<Map<String, Object>>) connection.get("subscriptions_list_detail");
		if (details == null) {
			return List.of();
		}
		return details.stream().map((detail) -> {
			Map<String, Object> copy = new LinkedHashMap<>(detail);
			copy.remove("cid");
			return copy;
		}).sorted((a, b) -> String.valueOf(a.get("sid")).compareTo(String.valueOf(b.get("sid")))).toList();
	}

	@SuppressWarnings("unchecked")
	private static TreeSet<Object> subjects(Map<String, Object> subsz) {
		TreeSet<Object> subjects = new TreeSet<>();
		((List<Map<String, Object>>) subsz.get("subscriptions_list")).forEach((detail) -> subjects.add(detail.get("subject")));
		return subjects;
	}

	private record Probe(MonitorHttp http) {
	}
}
