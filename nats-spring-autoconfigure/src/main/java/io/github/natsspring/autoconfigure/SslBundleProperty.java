package io.github.natsspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * A {@code nats.*} property naming an SSL bundle. A bundle that cannot be found fails with an
 * {@link InvalidConfigurationPropertyValueException} on the property, so that Spring Boot's failure analysis names
 * it, where it was set and the bundles there are.
 *
 * @param name the property, e.g. {@code nats.ssl.bundle}
 * @param bundleName its value, or {@code null} when it is not set
 */
record SslBundleProperty(String name, @Nullable String bundleName) {

	/**
	 * The bundle the property names.
	 * @param sslBundles the application's bundles, or {@code null} when it has no {@link SslBundles} bean
	 * @return the bundle, or {@code null} when the property is not set
	 * @throws InvalidConfigurationPropertyValueException when the bundle cannot be found
	 */
	@Nullable SslBundle resolve(@Nullable SslBundles sslBundles) {
		if (this.bundleName == null) {
			return null;
		}
		if (sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException(this.name, this.bundleName,
					"There is no SslBundles bean to look the bundle up in. Spring Boot's SslAutoConfiguration provides"
							+ " one from spring.ssl.bundle.*: do not exclude it, or define an SslBundles bean.");
		}
		try {
			return sslBundles.getBundle(this.bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(this.name, this.bundleName, missing(sslBundles));
		}
	}

	private String missing(SslBundles sslBundles) {
		String configured = sslBundles.getBundleNames().isEmpty() ? "No SSL bundle is configured."
				: "The configured bundles are " + String.join(", ", sslBundles.getBundleNames()) + ".";
		return "No SSL bundle named '" + this.bundleName + "' exists. " + configured + " Define it under"
				+ " spring.ssl.bundle.jks." + this.bundleName + ".* or spring.ssl.bundle.pem." + this.bundleName
				+ ".*, or set " + this.name + " to a configured bundle.";
	}
}
