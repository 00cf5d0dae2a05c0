package io.github.natsspring.broker.protocol;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The options a client declares with {@code CONNECT}, read the way nats-server 2.9.10 reads them.
 *
 * <p>Strings a client did not send are {@code null}. nats-server decodes every CONNECT into the
 * options it already holds, so a field missing from a later CONNECT keeps its earlier value: see
 * {@link #parse(String, ConnectOptions)}.
 *
 * @param verbose whether every accepted operation is acknowledged with {@code +OK}
 * @param pedantic whether subjects are checked strictly
 * @param echo whether the client receives its own publishes
 * @param headers whether the client understands {@code HPUB}/{@code HMSG}
 * @param noResponders whether a request without responders gets a 503 status message
 * @param protocol the client protocol version (0 or 1 are valid)
 * @param name the client's name, for monitoring
 * @param lang the client library's language
 * @param version the client library's version
 * @param user the user name
 * @param pass the password
 * @param authToken the authorization token
 * @param nkey the public NKey
 * @param jwt the user JWT
 * @param sig the signed nonce
 * @param account the account asked for (nats-server refuses it)
 * @param newAccount whether a new account is asked for (nats-server refuses it)
 * @param tlsRequired whether the client requires TLS
 */
public record ConnectOptions(boolean verbose, boolean pedantic, boolean echo, boolean headers, boolean noResponders,
		int protocol, String name, String lang, String version, String user, String pass, String authToken,
		String nkey, String jwt, String sig, String account, boolean newAccount, boolean tlsRequired) {

	/**
	 * What nats-server assumes before any CONNECT: verbose, pedantic and echo on, everything else off.
	 */
	public static final ConnectOptions DEFAULTS = new ConnectOptions(true, true, true, false, false, 0, null, null,
			null, null, null, null, null, null, null, null, false, false);

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Reads a CONNECT argument over {@link #DEFAULTS}.
	 * @param json the JSON text after {@code CONNECT}
	 * @return the options
	 * @throws ProtocolViolation a {@link ProtocolViolation.Kind#SILENT_CLOSE} when nats-server would refuse
	 * the JSON
	 */
	public static ConnectOptions parse(String json) throws ProtocolViolation {
		return parse(json, DEFAULTS);
	}

	/**
	 * Reads a CONNECT argument over options already held, as nats-server does for a repeated CONNECT.
	 * @param json the JSON text after {@code CONNECT}
	 * @param base the options the connection holds so far
	 * @return the options with every field present in {@code json} replaced
	 * @throws ProtocolViolation a {@link ProtocolViolation.Kind#SILENT_CLOSE} when nats-server would refuse
	 * the JSON
	 */
	public static ConnectOptions parse(String json, ConnectOptions base) throws ProtocolViolation {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			JsonToken root = parser.nextToken();
			ConnectOptions options;
			if (root == JsonToken.VALUE_NULL) {
				// Go's json.Unmarshal accepts a top-level null and leaves the target untouched.
				options = base;
			}
			else if (root == JsonToken.START_OBJECT) {
				options = readFields(parser, new Fields(base));
			}
			else {
				throw refused("CONNECT argument is not a JSON object");
			}
			if (parser.nextToken() != null) {
				throw refused("CONNECT argument has data after the JSON value");
			}
			return options;
		}
		catch (JacksonException ex) {
			throw refused("CONNECT argument is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static ConnectOptions readFields(JsonParser parser, Fields fields) throws ProtocolViolation {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			// Go matches JSON keys to struct fields without regard to case.
			String name = parser.currentName().toLowerCase(Locale.ROOT);
			JsonToken value = parser.nextToken();
			switch (name) {
				case "verbose" -> fields.verbose = bool(parser, value, fields.verbose);
				case "pedantic" -> fields.pedantic = bool(parser, value, fields.pedantic);
				case "echo" -> fields.echo = bool(parser, value, fields.echo);
				case "headers" -> fields.headers = bool(parser, value, fields.headers);
				case "no_responders" -> fields.noResponders = bool(parser, value, fields.noResponders);
				case "tls_required" -> fields.tlsRequired = bool(parser, value, fields.tlsRequired);
				case "new_account" -> fields.newAccount = bool(parser, value, fields.newAccount);
				case "protocol" -> fields.protocol = integer(parser, value, fields.protocol);
				case "name" -> fields.name = string(parser, value, fields.name);
				case "lang" -> fields.lang = string(parser, value, fields.lang);
				case "version" -> fields.version = string(parser, value, fields.version);
				case "user" -> fields.user = string(parser, value, fields.user);
				case "pass" -> fields.pass = string(parser, value, fields.pass);
				case "auth_token" -> fields.authToken = string(parser, value, fields.authToken);
				case "nkey" -> fields.nkey = string(parser, value, fields.nkey);
				case "jwt" -> fields.jwt = string(parser, value, fields.jwt);
				case "sig" -> fields.sig = string(parser, value, fields.sig);
				case "account" -> fields.account = string(parser, value, fields.account);
				case "remote_account" -> string(parser, value, null);
				case "import", "export" -> {
					if (value != JsonToken.START_OBJECT && value != JsonToken.VALUE_NULL) {
						throw refused("CONNECT field '" + name + "' is not an object");
					}
					parser.skipChildren();
				}
				default -> parser.skipChildren();
			}
		}
		return fields.toOptions();
	}

	private static boolean bool(JsonParser parser, JsonToken value, boolean current) throws ProtocolViolation {
		return switch (value) {
			case VALUE_TRUE -> true;
			case VALUE_FALSE -> false;
			case VALUE_NULL -> current;
			default -> throw refused("CONNECT field '" + parser.currentName() + "' is not a boolean");
		};
	}

	private static String string(JsonParser parser, JsonToken value, String current) throws ProtocolViolation {
		return switch (value) {
			case VALUE_STRING -> parser.getString();
			case VALUE_NULL -> current;
			default -> throw refused("CONNECT field '" + parser.currentName() + "' is not a string");
		};
	}

	private static int integer(JsonParser parser, JsonToken value, int current) throws ProtocolViolation {
		if (value == JsonToken.VALUE_NULL) {
			return current;
		}
		if (value != JsonToken.VALUE_NUMBER_INT) {
			throw refused("CONNECT field '" + parser.currentName() + "' is not an integer");
		}
		long number;
		try {
			number = parser.getLongValue();
		}
		catch (JacksonException ex) {
			throw refused("CONNECT field '" + parser.currentName() + "' overflows");
		}
		// Any value outside int is as invalid a protocol version as 2 is: clamp, validate() refuses it.
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
	}

	private static ProtocolViolation refused(String detail) {
		return new ProtocolViolation(ProtocolViolation.Kind.SILENT_CLOSE, detail);
	}

	/**
	 * Applies the checks nats-server makes once a client is authenticated, in its order.
	 * @throws ProtocolViolation {@link ProtocolViolation.Kind#INVALID_CLIENT_PROTOCOL} for a protocol other
	 * than 0 or 1, then {@link ProtocolViolation.Kind#NO_RESPONDERS_REQUIRES_HEADERS}
	 */
	public void validate() throws ProtocolViolation {
		if (this.protocol < 0 || this.protocol > 1) {
			throw new ProtocolViolation(ProtocolViolation.Kind.INVALID_CLIENT_PROTOCOL,
					"CONNECT protocol " + this.protocol);
		}
		if (this.noResponders && !this.headers) {
			throw new ProtocolViolation(ProtocolViolation.Kind.NO_RESPONDERS_REQUIRES_HEADERS,
					"CONNECT no_responders without headers");
		}
	}

	@Override
	public String toString() {
		return "ConnectOptions[verbose=" + this.verbose + ", pedantic=" + this.pedantic + ", echo=" + this.echo
				+ ", headers=" + this.headers + ", noResponders=" + this.noResponders + ", protocol=" + this.protocol
				+ ", name=" + this.name + ", lang=" + this.lang + ", version=" + this.version + ", user=" + this.user
				+ ", pass=" + mask(this.pass) + ", authToken=" + mask(this.authToken) + ", nkey=" + this.nkey
				+ ", jwt=" + mask(this.jwt) + ", sig=" + mask(this.sig) + ", account=" + this.account
				+ ", newAccount=" + this.newAccount + ", tlsRequired=" + this.tlsRequired + "]";
	}

	private static String mask(String secret) {
		return (secret != null) ? "[REDACTED]" : null;
	}

	private static final class Fields {

		boolean verbose;

		boolean pedantic;

		boolean echo;

		boolean headers;

		boolean noResponders;

		int protocol;

		String name;

		String lang;

		String version;

		String user;

		String pass;

		String authToken;

		String nkey;

		String jwt;

		String sig;

		String account;

		boolean newAccount;

		boolean tlsRequired;

		Fields(ConnectOptions base) {
			this.verbose = base.verbose;
			this.pedantic = base.pedantic;
			this.echo = base.echo;
			this.headers = base.headers;
			this.noResponders = base.noResponders;
			this.protocol = base.protocol;
			this.name = base.name;
			this.lang = base.lang;
			this.version = base.version;
			this.user = base.user;
			this.pass = base.pass;
			this.authToken = base.authToken;
			this.nkey = base.nkey;
			this.jwt = base.jwt;
			this.sig = base.sig;
			this.account = base.account;
			this.newAccount = base.newAccount;
			this.tlsRequired = base.tlsRequired;
		}

		ConnectOptions toOptions() {
			return new ConnectOptions(this.verbose, this.pedantic, this.echo, this.headers, this.noResponders,
					this.protocol, this.name, this.lang, this.version, this.user, this.pass, this.authToken,
					this.nkey, this.jwt, this.sig, this.account, this.newAccount, this.tlsRequired);
		}
	}
}
