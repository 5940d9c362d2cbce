package io.hippocamel.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * A DNS resolver that checks what it answers: a host is resolved once per connection, refused when any of its
 * addresses is loopback, private, link-local or otherwise internal (unless private addresses are allowed), and the
 * connection goes to exactly the addresses checked. Checking one lookup and connecting after another would let a
 * name answer a public address to the check and an internal one to the connection (DNS rebinding).
 */
public final class PublicAddressResolver implements DnsResolver {

    /** A host that resolved to an internal address while those are not allowed. */
    public static final class PrivateAddressException extends UnknownHostException {
        public PrivateAddressException(String host, InetAddress address) {
            super(host + " resolves to the private or loopback address " + address.getHostAddress());
        }
    }

    private final DnsResolver delegate;
    private final boolean allowPrivate;

    /** @param delegate the actual lookup (null: the system's resolver) */
    public PublicAddressResolver(DnsResolver delegate, boolean allowPrivate) {
        this.delegate = delegate == null ? SystemDefaultDnsResolver.INSTANCE : delegate;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new PrivateAddressException(host, address);
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /** Loopback, wildcard, link-local, site-local, multicast, unique-local, carrier-grade NAT, benchmarking. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
    }
}
