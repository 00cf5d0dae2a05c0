package io.github.natsspring.broker.cluster;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The CONNECT a server sends on a route it dialled, as nats-server 2.9.10 writes it, and what the accepting
 * server reads from it.
 *
 * @param user the user, or {@code null}
 * @param pass the password, or {@code null}
 * @param tlsRequired whether the route runs over TLS
 * @param headers whether the sender supports headers
 * @param name the sender's server id
 * @param cluster the sender's cluster name
 * @param dynamic whether the sender's cluster name was generated
 * @param clientLanguage the {@code lang} a client library sends, which no server sends: a client on the wrong
 * port; {@code null} from a server
 * @param gateway the gateway name a gateway sends, {@code null} from a route
 */
record RouteConnect(String user, String pass, boolean tlsRequired, boolean headers, String name, String cluster,
		boolean dynamic, String clientLanguage, String gateway) {

	private static final JsonFactory JSON = new JsonFactory();

	private static final byte[] CONNECT = "CONNECT ".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Reads the JSON of a CONNECT received on the cluster port.
	 * @param json the text after {@code CONNECT}
	 * @return its fields
	 * @throws ProtocolViolation when it is not a JSON object
	 */
	static RouteConnect parse(String json) throws ProtocolViolation {
		Map<String, Object> fields = RouteJson.read(json);
		return new RouteConnect(RouteJson.string(fields, "user"), RouteJson.string(fields, "pass"),
				RouteJson.bool(fields, "tls_required"), RouteJson.bool(fields, "headers"),
				RouteJson.string(fields, "name"), RouteJson.string(fields, "cluster"),
				RouteJson.bool(fields, "cluster_dynamic"), fields.containsKey("lang") ? String.valueOf(fields.get("lang")) : null,
				RouteJson.string(fields, "gateway"));
	}

	/**
	 * Writes {@code CONNECT {...}\r\n}.
	 * @param out the route's outbound buffer
	 */
	void write(ByteBuf out) {
		out.writeBytes(CONNECT);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(),
				(OutputStream) new ByteBufOutputStream(out))) {
			json.writeStartObject();
			json.writeBooleanProperty("echo", true);
			json.writeBooleanProperty("verbose", false);
			json.writeBooleanProperty("pedantic", false);
			if (this.user != null) {
				json.writeStringProperty("user", this.user);
			}
			if (this.pass != null) {
				json.writeStringProperty("pass", this.pass);
			}
			json.writeBooleanProperty("tls_required", this.tlsRequired);
			json.writeBooleanProperty("headers", this.headers);
			json.writeStringProperty("name", this.name);
			json.writeStringProperty("cluster", this.cluster);
			if (this.dynamic) {
				json.writeBooleanProperty("cluster_dynamic", true);
			}
			json.writeEndObject();
		}
		out.writeCharSequence("\r\n", StandardCharsets.US_ASCII);
	}
}
