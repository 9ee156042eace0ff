// Where a webhook may point: anywhere but link-local addresses and the cloud metadata service, whose
// answers (instance credentials) a delivery must never fetch. Loopback and private networks stay allowed.
import net from "node:net";
import { AppError } from "@/lib/server/errors";

const forbiddenAddresses = new net.BlockList();
forbiddenAddresses.addSubnet("169.254.0.0", 16, "ipv4"); // link-local, incl. 169.254.169.254 (AWS, GCP, Azure, OCI)
forbiddenAddresses.addSubnet("fe80::", 10, "ipv6"); // link-local
forbiddenAddresses.addSubnet("64:ff9b::a9fe:0", 112, "ipv6"); // 169.254.0.0/16 through NAT64
forbiddenAddresses.addAddress("100.100.100.200", "ipv4"); // Alibaba Cloud metadata
forbiddenAddresses.addAddress("fd00:ec2::254", "ipv6"); // AWS metadata over IPv6

const METADATA_HOSTNAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

/** True when `address` (an IP literal) is one a webhook must not reach; BlockList also matches IPv4-mapped IPv6. */
export function isForbiddenAddress(address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && forbiddenAddresses.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** Throws 422 for a webhook URL naming a forbidden address or metadata host name. */
export function assertWebhookTarget(url: string): void {
  // The WHATWG parser has already turned 0xa9fea9fe, 2852039166 and similar spellings into dotted quads.
  const hostname = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
  if (isForbiddenAddress(hostname) || METADATA_HOSTNAMES.has(hostname)) {
    const message = "must not point at a link-local address or the cloud metadata service";
    throw new AppError("validation-failed", `The body is invalid: url: ${message} (${hostname}).`, { errors: [{ path: "url", message }] });
  }
}
