package io.github.natsspring.broker.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.protocol.GoQuote;
import io.github.natsspring.broker.subject.Subjects;

/**
 * Reads a {@code permissions} map as nats-server 2.9.10 does: {@code publish} and {@code subscribe} as a subject,
 * an array of subjects (allowed), or a map of {@code allow} and {@code deny}; subscribe entries may carry a queue
 * group after a space; {@code allow_responses} as {@code true} or a map of {@code max} and {@code expires}.
 * A subject or list given directly, not in an {@code allow}/{@code deny} map, is reported without a place, as
 * nats-server reports it.
 */
final class PermissionsReader {

	/** nats-server lets a negative {@code max} or {@code expires} mean no limit. */
	private static final Duration NO_EXPIRY = Duration.ofDays(365L * 100);

	private final ConfigProblems problems;

	PermissionsReader(ConfigProblems problems) {
		this.problems = problems;
	}

	/** The permissions, or {@code null} when they were refused. */
	BrokerPermissions read(ConfigValue value) {
		if (!(value.value() instanceof Map<?, ?>)) {
			this.problems.error(value, "Expected permissions to be a map/struct, got " + ConfigValues.goValue(value));
			return null;
		}
		SubjectPermission publish = null;
		SubjectPermission subscribe = null;
		ResponsePermission responses = null;
		try {
			for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(value).entrySet()) {
				ConfigValue field = entry.getValue();
				switch (entry.getKey().toLowerCase(Locale.ROOT)) {
					case "pub", "publish", "import" -> publish = subjectPermission(field);
					case "sub", "subscribe", "export" -> subscribe = subjectPermission(field);
					case "publish_allow_responses", "allow_responses" -> responses = responses(field);
					default -> this.problems.errorUnlessVariable(field,
							"Unknown field " + GoQuote.quote(entry.getKey()) + " parsing permissions");
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			return null;
		}
		return new BrokerPermissions((publish != null) ? publish : SubjectPermission.unrestricted(),
				(subscribe != null) ? subscribe : SubjectPermission.unrestricted(), responses);
	}

	private SubjectPermission subjectPermission(ConfigValue value) {
		if (!(value.value() instanceof Map<?, ?>)) {
			List<String> allowed = subjects(value, null);
			return (allowed != null) ? new SubjectPermission(noneAsAbsent(allowed), List.of()) : null;
		}
		Map<String, ConfigValue> map = ConfigValues.map(value);
		if (map.isEmpty()) {
			return null;
		}
		List<String> allow = null;
		List<String> deny = List.of();
		for (Map.Entry<String, ConfigValue> entry : map.entrySet()) {
			ConfigValue field = entry.getValue();
			switch (entry.getKey().toLowerCase(Locale.ROOT)) {
				case "allow" -> allow = noneAsAbsent(subjects(field, field.location()));
				case "deny" -> {
					List<String> denied = subjects(field, field.location());
					deny = (denied != null) ? denied : List.of();
				}
				default -> this.problems.errorUnlessVariable(field, "Unknown field name " + GoQuote.quote(entry.getKey())
						+ " parsing subject permissions, only 'allow' or 'deny' are permitted");
			}
		}
		return new SubjectPermission(allow, deny);
	}

	// nats-server reads an empty array as no list at all: an empty allow list restricts nothing
	private static List<String> noneAsAbsent(List<String> subjects) {
		return (subjects == null || subjects.isEmpty()) ? null : subjects;
	}

	/** A subject or an array of subjects, checked; {@code null} when refused. */
	private List<String> subjects(ConfigValue value, ConfigLocation location) {
		List<String> subjects = new ArrayList<>();
		if (value.value() instanceof String subject) {
			subjects.add(subject);
		}
		else if (value.value() instanceof List<?>) {
			for (ConfigValue element : ConfigValues.list(value)) {
				if (!(element.value() instanceof String subject)) {
					this.problems.error(element, "Subject in permissions array cannot be cast to string");
					return null;
				}
				subjects.add(subject);
			}
		}
		else {
			this.problems.error(location, "Expected subject permissions to be a subject, or array of subjects, got "
					+ value.goTypeName());
			return null;
		}
		for (String subject : subjects) {
			String invalid = invalidSubject(subject);
			if (invalid != null) {
				this.problems.error(location, "subject " + GoQuote.quote(invalid) + " is not a valid subject");
				return null;
			}
		}
		return subjects;
	}

	// a subject, or a subject and a queue group
	private static String invalidSubject(String entry) {
		if (isValidSubject(entry)) {
			return null;
		}
		String[] fields = entry.trim().split("[ \\t\\n\\r\\f]+");
		if (fields.length != 2) {
			return entry;
		}
		return isValidSubject(fields[0]) ? null : fields[0];
	}

	private static boolean isValidSubject(String subject) {
		return Subjects.isValidSubscribeSubject(subject) && subject.chars().noneMatch(Character::isWhitespace);
	}

	private ResponsePermission responses(ConfigValue value) {
		if (value.value() instanceof Boolean allowed) {
			return allowed ? ResponsePermission.defaults() : null;
		}
		if (!(value.value() instanceof Map<?, ?>)) {
			this.problems.error(value, "error parsing response permissions, expected a boolean or a map");
			return null;
		}
		ResponsePermission defaults = ResponsePermission.defaults();
		long max = defaults.maxMessages();
		Duration expires = defaults.expires();
		try {
			for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(value).entrySet()) {
				ConfigValue field = entry.getValue();
				switch (entry.getKey().toLowerCase(Locale.ROOT)) {
					case "max", "max_msgs", "max_messages", "max_responses" -> {
						long number = ConfigValues.int64(field);
						if (number != 0) {
							max = (number < 0) ? Integer.MAX_VALUE : Math.min(number, Integer.MAX_VALUE);
						}
					}
					case "expires", "expiration", "ttl" -> {
						if (!(field.value() instanceof String text)) {
							this.problems.error(field, "error parsing expires, not a duration string");
							return null;
						}
						Duration ttl;
						try {
							ttl = GoDuration.parse(text);
						}
						catch (IllegalArgumentException ex) {
							this.problems.error(field, "error parsing expires: " + ex.getMessage());
							return null;
						}
						if (!ttl.isZero()) {
							expires = ttl.isNegative() ? NO_EXPIRY : ttl;
						}
					}
					default -> this.problems.errorUnlessVariable(field,
							"Unknown field " + GoQuote.quote(entry.getKey()) + " parsing permissions");
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			return null;
		}
		return new ResponsePermission((int) max, expires);
	}
}
