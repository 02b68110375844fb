package dev.leadport.webhooks;

import dev.leadport.shared.InternalAddresses;
import dev.leadport.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses webhook URLs that are not http(s) or whose host resolves to a loopback, private, link-local or otherwise
 * internal address, so an endpoint cannot be pointed at the servers next to Leadport. Checked when an endpoint is
 * registered and again before every attempt (a name may resolve differently later).
 */
final class AddressGuard {

    private final boolean allowPrivate;

    AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("url", "must start with https:// (or http://).");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "must name a host, without user or password.");
        }
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "names a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new InvalidInputException(
                        "url", "resolves to an internal address (" + address.getHostAddress() + "), which is refused.");
            }
        }
        return uri;
    }
}
