package io.github.natsspring.broker.cluster;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The INFO servers exchange over a route, with the fields of nats-server 2.9.10's in its order; what a route
 * reads from its peer's INFO and what it sends of its own.
 *
 * @param serverId the server's unique id
 * @param serverName the server's name
 * @param version the server version
 * @param host the cluster host peers dial
 * @param port the cluster port peers dial
 * @param headers whether the server supports headers on routes
 * @param authRequired whether routes must authenticate
 * @param tlsRequired whether routes must use TLS
 * @param tlsVerify whether routes must present a certificate
 * @param maxPayload the largest message the server accepts
 * @param ip the route URL to dial the server at, set in gossip and with an advertised address
 * @param nonce a nonce, in the first INFO only
 * @param cluster the cluster's name
 * @param dynamic whether the cluster name was generated
 * @param connectUrls the server's client URLs
 * @param lameDuck whether the server is in lame duck mode
 */
record RouteInfo(String serverId, String serverName, String version, String host, int port, boolean headers,
		boolean authRequired, boolean tlsRequired, boolean tlsVerify, int maxPayload, String ip, String nonce, String cluster,
		boolean dynamic, List<String> connectUrls, boolean lameDuck) {

	private static final JsonFactory JSON = new JsonFactory();

	private static final byte[] INFO = "INFO ".getBytes(StandardCharsets.US_ASCII);

	RouteInfo {
		connectUrls = (connectUrls != null) ? List.copyOf(connectUrls) : List.of();
	}

	/**
	 * Reads the JSON of a route INFO.
	 * @param json the text after {@code INFO}
	 * @return the fields a route uses
	 * @throws ProtocolViolation when it is not a JSON object
	 */
	static RouteInfo parse(String json) throws ProtocolViolation {
		Map<String, Object> fields = RouteJson.read(json);
		return new RouteInfo(RouteJson.string(fields, "server_id"), RouteJson.string(fields, "server_name"),
				RouteJson.string(fields, "version"), RouteJson.string(fields, "host"), RouteJson.integer(fields, "port"),
				RouteJson.bool(fields, "headers"), RouteJson.bool(fields, "auth_required"),
				RouteJson.bool(fields, "tls_required"), RouteJson.bool(fields, "tls_verify"),
				RouteJson.integer(fields, "max_payload"),
				RouteJson.string(fields, "ip"), RouteJson.string(fields, "nonce"), RouteJson.string(fields, "cluster"),
				RouteJson.bool(fields, "cluster_dynamic"), RouteJson.strings(fields, "connect_urls"),
				RouteJson.bool(fields, "ldm"));
	}

	/** The same INFO as forwarded to other routes in gossip: no nonce, and the URL to dial the server at. */
	RouteInfo forGossip(String routeUrl) {
		return new RouteInfo(this.serverId, this.serverName, this.version, this.host, this.port, this.headers,
				this.authRequired, this.tlsRequired, this.tlsVerify, this.maxPayload, routeUrl, null, this.cluster, this.dynamic,
				this.connectUrls, this.lameDuck);
	}

	/**
	 * Writes {@code INFO {...}} then {@code " \r\n"} for a server's own INFO, or just {@code "\r\n"} for a
	 * forwarded one, as nats-server writes them.
	 * @param out the route's outbound buffer
	 * @param spaceBeforeEnd whether a space precedes the line end
	 */
	void write(ByteBuf out, boolean spaceBeforeEnd) {
		out.writeBytes(INFO);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(),
				(OutputStream) new ByteBufOutputStream(out))) {
			json.writeStartObject();
			json.writeStringProperty("server_id", this.serverId);
			json.writeStringProperty("server_name", this.serverName);
			json.writeStringProperty("version", this.version);
			json.writeNumberProperty("proto", 2);
			json.writeStringProperty("host", this.host);
			json.writeNumberProperty("port", this.port);
			json.writeBooleanProperty("headers", this.headers);
			writeIfTrue(json, "auth_required", this.authRequired);
			writeIfTrue(json, "tls_required", this.tlsRequired);
			writeIfTrue(json, "tls_verify", this.tlsVerify);
			json.writeNumberProperty("max_payload", this.maxPayload);
			writeIfPresent(json, "ip", this.ip);
			writeIfPresent(json, "nonce", this.nonce);
			writeIfPresent(json, "cluster", this.cluster);
			writeIfTrue(json, "cluster_dynamic", this.dynamic);
			if (!this.connectUrls.isEmpty()) {
				json.writeArrayPropertyStart("connect_urls");
				for (String url : this.connectUrls) {
					json.writeString(url);
				}
				json.writeEndArray();
			}
			writeIfTrue(json, "ldm", this.lameDuck);
			json.writeEndObject();
		}
		out.writeCharSequence(spaceBeforeEnd ? " \r\n" : "\r\n", StandardCharsets.US_ASCII);
	}

	private static void writeIfTrue(JsonGenerator json, String name, boolean value) {
		if (value) {
			json.writeBooleanProperty(name, true);
		}
	}

	private static void writeIfPresent(JsonGenerator json, String name, String value) {
		if (value != null && !value.isEmpty()) {
			json.writeStringProperty(name, value);
		}
	}
}
