package io.github.natsspring.broker.auth;

import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * nats-server's {@code verify_and_map}: the client is the configured user its verified certificate names, tried
 * in nats-server's order: each e-mail name, each DNS name, each URI of the certificate, then its subject DN,
 * compared with the users whose names are DNs (attribute types without regard to case, values exactly; the same
 * RDNs in another order match too). Passwords play no part; the user's permissions apply.
 */
final class CertificateAuthenticator implements Authenticator {

	private static final System.Logger LOG = System.getLogger(CertificateAuthenticator.class.getName());

	private static final int EMAIL = 1;

	private static final int DNS = 2;

	private static final int URI = 6;

	/** The users by name, with their permissions ({@code null} for none). */
	private final Map<String, Permissions> usersByName = new HashMap<>();

	private final Map<String, List<List<String>>> usersByDn = new HashMap<>();

	CertificateAuthenticator(BrokerAuth auth) {
		for (BrokerUser user : auth.users()) {
			this.usersByName.put(user.username(), Permissions.of(auth.permissionsOf(user)));
			List<List<String>> dn = rdns(user.username());
			if (dn != null) {
				this.usersByDn.put(user.username(), dn);
			}
		}
	}

	@Override
	public boolean isRequired() {
		return true;
	}

	@Override
	public Optional<AuthResult> authenticate(AuthContext context) {
		X509Certificate certificate = peerCertificate(context.tlsSession());
		if (certificate == null) {
			return Optional.empty();
		}
		String user = mappedUser(certificate);
		if (user == null) {
			return Optional.empty();
		}
		String claimed = context.connect().user();
		if (claimed != null && !claimed.isEmpty()) {
			LOG.log(System.Logger.Level.WARNING,
					"User " + GoQuote.quote(claimed) + " found in connect proto, but user required from cert");
		}
		return Optional.of(AuthResult.user(user, this.usersByName.get(user)));
	}

	@Override
	public String refusalLogLine(ConnectOptions connect) {
		return "authentication error - User " + GoQuote.quote((connect.user() != null) ? connect.user() : "");
	}

	private String mappedUser(X509Certificate certificate) {
		for (int type : new int[] { EMAIL, DNS, URI }) {
			for (String name : alternativeNames(certificate, type)) {
				if (this.usersByName.containsKey(name)) {
					return name;
				}
			}
		}
		List<List<String>> subject = rdns(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
		if (subject == null || subject.isEmpty()) {
			return null;
		}
		for (Map.Entry<String, List<List<String>>> user : this.usersByDn.entrySet()) {
			if (user.getValue().equals(subject)) {
				return user.getKey();
			}
		}
		for (Map.Entry<String, List<List<String>>> user : this.usersByDn.entrySet()) {
			if (sameRdnsInAnyOrder(user.getValue(), subject)) {
				return user.getKey();
			}
		}
		return null;
	}

	private static X509Certificate peerCertificate(SSLSession session) {
		if (session == null) {
			return null;
		}
		try {
			Certificate[] chain = session.getPeerCertificates();
			return (chain.length > 0 && chain[0] instanceof X509Certificate x509) ? x509 : null;
		}
		catch (SSLPeerUnverifiedException noCertificate) {
			return null;
		}
	}

	private static List<String> alternativeNames(X509Certificate certificate, int type) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> all = certificate.getSubjectAlternativeNames();
			if (all != null) {
				for (List<?> name : all) {
					if (((Integer) name.get(0)) == type && name.get(1) instanceof String value) {
						names.add(value);
					}
				}
			}
		}
		catch (CertificateParsingException unreadable) {
			// a certificate whose names cannot be read maps through its subject only
		}
		return names;
	}

	/**
	 * A DN as its RDNs, each as "type=value" pairs with the type lower-cased and the value as it is; {@code null}
	 * when the text is no DN.
	 */
	private static List<List<String>> rdns(String text) {
		if (text.indexOf('=') < 0) {
			return null;
		}
		try {
			List<List<String>> rdns = new ArrayList<>();
			for (Rdn rdn : new LdapName(text).getRdns()) {
				List<String> pairs = new ArrayList<>();
				NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
				while (attributes.hasMore()) {
					Attribute attribute = attributes.next();
					pairs.add(attribute.getID().toLowerCase(Locale.ROOT) + "=" + attribute.get());
				}
				pairs.sort(null);
				rdns.add(pairs);
			}
			return rdns;
		}
		catch (NamingException | IllegalArgumentException notADn) {
			return null;
		}
	}

	private static boolean sameRdnsInAnyOrder(List<List<String>> configured, List<List<String>> subject) {
		if (configured.size() != subject.size()) {
			return false;
		}
		List<List<String>> remaining = new ArrayList<>(subject);
		for (List<String> rdn : configured) {
			if (!remaining.remove(rdn)) {
				return false;
			}
		}
		return true;
	}

}
