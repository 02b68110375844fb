package dev.leadport.shared;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells whether an address is one of the machines next to Leadport rather than the internet: loopback, private,
 * link-local, multicast, unique-local, carrier-grade NAT or "this network". Outgoing deliveries to addresses a user
 * typed (webhooks, scheduled uploads) refuse these unless a setting allows them, so a destination cannot be pointed at the
 * database or a metadata service.
 */
public final class InternalAddresses {

    private InternalAddresses() {}

    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128); // "this network", carrier-grade NAT
    }
}
