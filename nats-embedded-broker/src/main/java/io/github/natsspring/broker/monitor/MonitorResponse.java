package io.github.natsspring.broker.monitor;

import java.nio.charset.StandardCharsets;

/**
 * What a monitoring endpoint answers, before the HTTP framing.
 *
 * @param status the HTTP status code
 * @param contentType the content type, as nats-server (and Go's HTTP server) sets it
 * @param body the body
 * @param json whether the body is an endpoint's JSON, which a {@code callback} parameter wraps as JSONP
 */
record MonitorResponse(int status, String contentType, byte[] body, boolean json) {

	private static final String TEXT = "text/plain; charset=utf-8";

	static MonitorResponse json(GoJsonWriter writer) {
		return new MonitorResponse(200, "application/json", writer.bytes(), true);
	}

	static MonitorResponse html(String page) {
		return new MonitorResponse(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), false);
	}

	/** 400 with the problem as the body, as nats-server writes it (no new line). */
	static MonitorResponse badRequest(String problem) {
		return new MonitorResponse(400, TEXT, problem.getBytes(StandardCharsets.UTF_8), false);
	}

	/** Go's {@code http.NotFound}. */
	static MonitorResponse notFound() {
		return new MonitorResponse(404, TEXT, "404 page not found\n".getBytes(StandardCharsets.UTF_8), false);
	}

	/** The JSONP form nats-server writes for {@code callback=<name>}. */
	MonitorResponse withCallback(String callback) {
		byte[] prefix = (callback + "(").getBytes(StandardCharsets.UTF_8);
		byte[] wrapped = new byte[prefix.length + this.body.length + 1];
		System.arraycopy(prefix, 0, wrapped, 0, prefix.length);
		System.arraycopy(this.body, 0, wrapped, prefix.length, this.body.length);
		wrapped[wrapped.length - 1] = ')';
		return new MonitorResponse(this.status, "application/javascript", wrapped, false);
	}
}
