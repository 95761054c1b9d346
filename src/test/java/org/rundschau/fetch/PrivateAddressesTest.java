package org.rundschau.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: InetAddress parses them without asking DNS. */
class PrivateAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "127.255.0.9",                   // loopback
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",   // RFC 1918
        "169.254.169.254",                            // link-local, cloud metadata
        "0.0.0.0", "0.1.2.3",                         // unspecified, "this network"
        "100.64.0.1", "100.127.255.254",              // carrier-grade NAT
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",   // multicast, reserved, broadcast
        "::1", "::", "fe80::1", "febf::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:192.168.0.1",     // IPv4-mapped
        "::10.0.0.1",                                 // IPv4-compatible
        "64:ff9b::a00:1",                             // NAT64 of 10.0.0.1
        "2002:7f00:1::1", "2002:c0a8:101::1",         // 6to4 of 127.0.0.1 and 192.168.1.1
    })
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        assertThat(PrivateAddresses.contains(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8.8.8.8", "93.184.216.34", "9.255.255.255", "11.0.0.1",
        "172.15.255.255", "172.32.0.1", "192.167.1.1", "192.169.0.1", "169.253.0.1",
        "100.63.255.255", "100.128.0.1", "1.0.0.1", "223.255.255.255",
        "2a00:1450:4001:82b::2003", "2001:4860:4860::8888", "fbff::1",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
    })
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(PrivateAddresses.contains(InetAddress.getByName(literal))).isFalse();
    }
}
