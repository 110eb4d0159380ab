import { describe, expect, it } from "vitest";
import {
  classifyCredential,
  endpointHostname,
  findAccessKeyIds,
  hasKeyFormat,
  isLocalEndpoint,
  isLocalHostname,
  isPlaceholderCredential,
  maskCredential,
} from "../../src/analysis/credentials";

// Made-up values in the real formats (random base32/base64, not real keys). Key ids are assembled from two
// pieces so that the project's self-lint (which runs this rule) does not flag the test file itself.
const KEY_ID = "AKIA" + "2E7QZ4VNRM3KXH5T";
const TEMP_KEY_ID = "ASIA" + "Y5LQ3N7WPV2HTK4D";
const TAIL = "Y5LQ3N7WPV2HTK4D";
const SECRET = "q8Vd2Lk9/Xr4TbN+7mWcPz3yGh6JfQs1RaEu0KtB";
const TOKEN = "IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJHMEUCIQD7n1zWq4Rk2sVbM8pL3xT9yC6dF0gH5jK1mN2oP3qR4sAiB5tU6vW7xY8zA9bC0dE1fG2hI3jK4lM5nO6pQ7rS8tU9vWKvkCCBAQABoMMTIzNDU2Nzg5MDEyIgx";

describe("access key id scan", () => {
  it("finds key ids of every secret prefix as whole tokens, with their offsets", () => {
    expect(findAccessKeyIds(`aws_access_key_id=${KEY_ID}`)).toEqual([{ value: KEY_ID, index: 18 }]);
    expect(findAccessKeyIds(`"${TEMP_KEY_ID}" and ABIA${TAIL}, ACCA${TAIL}`).map((match) => match.value)).toEqual([TEMP_KEY_ID, `ABIA${TAIL}`, `ACCA${TAIL}`]);
  });

  it("ignores non-secret unique ids, partial tokens and characters outside base32", () => {
    for (const prefix of ["AIDA", "AROA", "AGPA", "ANPA", "APKA", "AIPA", "ASCA"]) {
      expect(findAccessKeyIds(`${prefix}${TAIL}`)).toEqual([]);
    }
    expect(findAccessKeyIds(`X${KEY_ID}`)).toEqual([]); // part of a longer token
    expect(findAccessKeyIds(`${KEY_ID}9`)).toEqual([]);
    expect(findAccessKeyIds(`${KEY_ID}Q`)).toEqual([]);
    expect(findAccessKeyIds("AKIA2E7QZ4VNRM3KXH1T")).toEqual([]); // 1 is not base32
    expect(findAccessKeyIds("AKIA2E7QZ4VNRM3KXH5")).toEqual([]); // 15 characters
  });

  it("stays linear on long inputs", () => {
    const long = "AKIA".repeat(50_000) + "A".repeat(100_000);
    const start = performance.now();
    findAccessKeyIds(long);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("credential formats and placeholders", () => {
  it("recognises the formats AWS issues", () => {
    expect(hasKeyFormat(KEY_ID, "accessKeyId")).toBe(true);
    expect(hasKeyFormat("AIDAY5LQ3N7WPV2HTK4D", "accessKeyId")).toBe(false);
    expect(hasKeyFormat(SECRET, "secretAccessKey")).toBe(true);
    expect(hasKeyFormat(SECRET.slice(1), "secretAccessKey")).toBe(false);
    expect(hasKeyFormat(TOKEN, "sessionToken")).toBe(true);
    expect(hasKeyFormat("short-token", "sessionToken")).toBe(false);
  });

  it("treats obvious stand-ins as placeholders", () => {
    for (const value of [
      "", "  ", "x", "local", "test", "fakeMyKeyId", "fakeSecretAccessKey", "dummy", "MockAccessKeyId", "DEFAULT_ACCESS_KEY",
      "DEFAULT_SECRET", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAXXXXXXXXXXXXXXXX",
      "AKIAAAAAAAAAAAAAAAAA", "AKIABCDEFGHIJKLMNOPQ", "1234567890", "mySecretKey", "ACCESS_KEY_ID_HERE", "<your-access-key>",
      "${AWS_ACCESS_KEY_ID}", "{{secret}}", "****************", "access-key-1", "abc123xyz789", "changeme-please",
      "put the secret key here",
    ]) {
      expect(isPlaceholderCredential(value), value).toBe(true);
    }
  });

  it("does not mistake real-format and password-like values for placeholders", () => {
    for (const value of [KEY_ID, TEMP_KEY_ID, SECRET, TOKEN, "Tr0ub4dor&3horse", "s3cr3t-Pa55w0rd-2024"]) {
      expect(isPlaceholderCredential(value), value).toBe(false);
    }
  });

  it("matches placeholder words in key-format values only as words, not by mixed-case chance", () => {
    expect(isPlaceholderCredential("q8Vd2Lk9/Xr4TbN+7mWcPz3yGh6JfQs1RaTeStuB")).toBe(false);
    expect(isPlaceholderCredential("q8Vd2Lk9/Xr4TbN+7mWcPz3yGh6JfQs1RaTESTuB")).toBe(true);
  });
});

describe("classifyCredential", () => {
  it("reports key-format values whatever the endpoint", () => {
    expect(classifyCredential(KEY_ID, "accessKeyId", "local")).toBe("hardcoded");
    expect(classifyCredential(SECRET, "secretAccessKey", "unknown")).toBe("hardcoded");
    expect(classifyCredential(TOKEN, "sessionToken", "remote")).toBe("hardcoded");
  });

  it("accepts non-key-format values only when the endpoint may be local", () => {
    expect(classifyCredential("appuser-7", "accessKeyId", "local")).toBe("placeholder");
    expect(classifyCredential("Tr0ub4dor&3horse", "secretAccessKey", "unknown")).toBe("placeholder");
    expect(classifyCredential("Tr0ub4dor&3horse", "secretAccessKey", "remote")).toBe("hardcoded");
    expect(classifyCredential("local", "secretAccessKey", "remote")).toBe("placeholder");
  });

  it("honours allowed values and catches a key id pasted into another slot", () => {
    expect(classifyCredential(KEY_ID, "accessKeyId", "remote", new Set([KEY_ID]))).toBe("placeholder");
    expect(classifyCredential(KEY_ID, "secretAccessKey", "local")).toBe("hardcoded");
  });
});

describe("maskCredential", () => {
  it("never repeats more than the key id's prefix and last four characters", () => {
    expect(maskCredential(KEY_ID)).toBe("AKIA…XH5T");
    expect(maskCredential(SECRET)).toBe(`…${SECRET.slice(-4)}`);
    expect(maskCredential("Tr0ub4dor&3horse")).toBe("16 characters, hidden");
    for (const value of [KEY_ID, SECRET, TOKEN, "Tr0ub4dor&3horse"]) expect(maskCredential(value)).not.toContain(value.slice(4, 12));
  });
});

describe("local endpoints", () => {
  it("knows loopback hosts, *.localhost, docker host names and compose service names", () => {
    for (const host of ["localhost", "LOCALHOST", "api.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0.0.0.0", "host.docker.internal", "docker.for.mac.host.internal", "dynamodb-local", "localstack", "dynamodb"]) {
      expect(isLocalHostname(host), host).toBe(true);
    }
    for (const host of ["dynamodb.us-east-1.amazonaws.com", "10.0.0.5", "db.example.com", "128.0.0.1", "", "localhost.evil.com"]) {
      expect(isLocalHostname(host), host).toBe(false);
    }
  });

  it("reads endpoints with and without a scheme", () => {
    expect(endpointHostname("http://localhost:8000")).toBe("localhost");
    expect(endpointHostname("localhost:8000")).toBe("localhost");
    expect(endpointHostname("https://dynamodb.eu-west-1.amazonaws.com")).toBe("dynamodb.eu-west-1.amazonaws.com");
    expect(endpointHostname("")).toBeUndefined();
    expect(isLocalEndpoint("http://dynamodb-local:8000")).toBe(true);
    expect(isLocalEndpoint("http://[::1]:8000")).toBe(true);
    expect(isLocalEndpoint("https://dynamodb.us-east-1.amazonaws.com")).toBe(false);
    expect(isLocalEndpoint("http://%")).toBe(false);
  });
});
