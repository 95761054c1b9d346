package org.rundschau.fetch;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses a redirect must not lead to unless the admin allows it: anything that is not a public
 * unicast address, so that a public site cannot steer the fetcher at the admin's own network
 * (server-side request forgery).
 */
final class PrivateAddresses {
    private PrivateAddresses() {}

    /**
     * True for loopback, link-local, private/site-local (10/8, 172.16/12, 192.168/16, fc00::/7,
     * fec0::/10), carrier-grade NAT (100.64/10), unspecified and "this network" (0/8, ::),
     * multicast and reserved (224/4, 240/4, ff00::/8) addresses, also when an IPv4 address is
     * embedded in IPv6 (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
     */
    static boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? isPrivateV4(bytes) : isPrivateV6(bytes);
    }

    private static boolean isPrivateV4(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0
                || first == 10
                || first == 127
                || first == 100 && (second & 0xC0) == 64
                || first == 169 && second == 254
                || first == 172 && (second & 0xF0) == 16
                || first == 192 && second == 168
                || first >= 224;
    }

    private static boolean isPrivateV6(byte[] b) {
        byte[] embedded = embeddedV4(b);
        if (embedded.length == 4) {
            return isPrivateV4(embedded);
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return (first & 0xFE) == 0xFC
                || first == 0xFE && (second & 0x80) == 0x80
                || first == 0xFF;
    }

    /** The IPv4 address carried inside an IPv6 one, or an empty array. */
    private static byte[] embeddedV4(byte[] b) {
        boolean firstTenZero = allZero(b, 0, 10);
        if (firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF    // ::ffff:a.b.c.d
                || firstTenZero && b[10] == 0 && b[11] == 0                     // ::a.b.c.d, :: and ::1
                || b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                   && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12)) {            // 64:ff9b::a.b.c.d
            return Arrays.copyOfRange(b, 12, 16);
        }
        if ((b[0] & 0xFF) == 0x20 && b[1] == 0x02) {                            // 2002:aabb:ccdd::/48
            return Arrays.copyOfRange(b, 2, 6);
        }
        return new byte[0];
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
