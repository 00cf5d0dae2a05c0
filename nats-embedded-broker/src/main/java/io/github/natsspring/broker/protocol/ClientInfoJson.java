package io.github.natsspring.broker.protocol;

import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Decides whether nats-server would accept the JSON of an INFO sent by a client: it decodes it into
 * its own INFO structure (keys matched without regard to case) and closes the connection when that
 * fails, for bad syntax or for a value of the wrong type in a field it knows.
 */
final class ClientInfoJson {

	private enum Type {

		STRING, INT64, INT32, UINT64, UINT8, BOOLEAN, STRINGS, OBJECT

	}

	// nats-server 2.9.10's INFO structure: client, route, gateway and leaf node fields.
	private static final Map<String, Type> FIELDS = Map.ofEntries(Map.entry("server_id", Type.STRING),
			Map.entry("server_name", Type.STRING), Map.entry("version", Type.STRING),
			Map.entry("git_commit", Type.STRING), Map.entry("go", Type.STRING), Map.entry("host", Type.STRING),
			Map.entry("ip", Type.STRING), Map.entry("client_ip", Type.STRING), Map.entry("nonce", Type.STRING),
			Map.entry("cluster", Type.STRING), Map.entry("domain", Type.STRING), Map.entry("gateway", Type.STRING),
			Map.entry("gateway_url", Type.STRING), Map.entry("gateway_cmd_payload", Type.STRING),
			Map.entry("remote_account", Type.STRING), Map.entry("proto", Type.INT64), Map.entry("port", Type.INT64),
			Map.entry("max_payload", Type.INT32), Map.entry("client_id", Type.UINT64),
			Map.entry("gateway_cmd", Type.UINT8), Map.entry("headers", Type.BOOLEAN),
			Map.entry("auth_required", Type.BOOLEAN), Map.entry("tls_required", Type.BOOLEAN),
			Map.entry("tls_verify", Type.BOOLEAN), Map.entry("tls_available", Type.BOOLEAN),
			Map.entry("jetstream", Type.BOOLEAN), Map.entry("cluster_dynamic", Type.BOOLEAN),
			Map.entry("ldm", Type.BOOLEAN), Map.entry("lnoc", Type.BOOLEAN), Map.entry("info_on_connect", Type.BOOLEAN),
			Map.entry("connect_info", Type.BOOLEAN), Map.entry("gateway_nrp", Type.BOOLEAN),
			Map.entry("connect_urls", Type.STRINGS), Map.entry("ws_connect_urls", Type.STRINGS),
			Map.entry("gateway_urls", Type.STRINGS), Map.entry("leafnode_urls", Type.STRINGS),
			Map.entry("import", Type.OBJECT), Map.entry("export", Type.OBJECT));

	private static final JsonFactory JSON = new JsonFactory();

	private ClientInfoJson() {
	}

	/**
	 * Whether the text holds one JSON object whose known fields have the right types, or {@code null},
	 * and nothing else but white space.
	 */
	static boolean isAcceptable(String json) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			JsonToken root = parser.nextToken();
			if (root == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					Type type = FIELDS.get(parser.currentName().toLowerCase(Locale.ROOT));
					JsonToken value = parser.nextToken();
					if (value != JsonToken.VALUE_NULL && type != null && !hasType(parser, value, type)) {
						return false;
					}
					parser.skipChildren();
				}
			}
			else if (root != JsonToken.VALUE_NULL) {
				return false;
			}
			return parser.nextToken() == null;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static boolean hasType(JsonParser parser, JsonToken value, Type type) {
		return switch (type) {
			case STRING -> value == JsonToken.VALUE_STRING;
			case BOOLEAN -> value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
			case INT64 -> isInteger(parser, value, Long.MIN_VALUE, Long.MAX_VALUE);
			case INT32 -> isInteger(parser, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
			case UINT64 -> isInteger(parser, value, 0, Long.MAX_VALUE);
			case UINT8 -> isInteger(parser, value, 0, 255);
			case STRINGS -> value == JsonToken.START_ARRAY && onlyStrings(parser);
			case OBJECT -> value == JsonToken.START_OBJECT;
		};
	}

	private static boolean isInteger(JsonParser parser, JsonToken value, long min, long max) {
		if (value != JsonToken.VALUE_NUMBER_INT) {
			return false;
		}
		JsonParser.NumberType numberType = parser.getNumberType();
		if (numberType != JsonParser.NumberType.INT && numberType != JsonParser.NumberType.LONG) {
			return false;
		}
		long number = parser.getLongValue();
		return number >= min && number <= max;
	}

	private static boolean onlyStrings(JsonParser parser) {
		JsonToken element;
		while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (element != JsonToken.VALUE_STRING && element != JsonToken.VALUE_NULL) {
				return false;
			}
		}
		return true;
	}
}
