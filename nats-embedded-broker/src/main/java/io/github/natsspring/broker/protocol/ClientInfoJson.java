package io.github.natsspring.broker.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Decides whether nats-server would accept the JSON of an INFO sent by a client: it decodes it into
 * its INFO structure and closes the connection when that fails.
 */
final class ClientInfoJson {

	private static final JsonFactory JSON = new JsonFactory();

	private ClientInfoJson() {
	}

	/**
	 * Whether the bytes hold one JSON object or {@code null}, and nothing else but white space.
	 * Field types are not checked.
	 */
	static boolean isAcceptable(byte[] json, int offset, int length) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json, offset, length)) {
			JsonToken root = parser.nextToken();
			if (root == JsonToken.START_OBJECT) {
				parser.skipChildren();
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
}
