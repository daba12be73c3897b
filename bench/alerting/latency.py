#!/usr/bin/env python3
"""Breach-to-e-mail latency: post a reading over the limit to iot-ingestion, time until alert-service's
"opened" e-mail reaches this script's own SMTP sink; post a clearing reading, wait for "resolved"; repeat.
Usage: latency.py INGESTION_URL GATEWAY_TOKEN SMTP_PORT ROUNDS"""
import asyncio, json, random, sys, threading, time, urllib.request

ingestion, token, smtp_port, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
received = []  # (monotonic time, subject)
cond = threading.Condition()


async def smtp_session(reader, writer):
    """Just enough SMTP to take messages: one line per command, DATA until '.'."""
    writer.write(b"220 bench-sink ESMTP\r\n")
    in_data, subject = False, ""
    while True:
        line = await reader.readline()
        if not line:
            break
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if in_data:
            if text == ".":
                in_data = False
                with cond:
                    received.append((time.monotonic(), subject))
                    cond.notify_all()
                writer.write(b"250 OK queued\r\n")
            elif text.lower().startswith("subject:"):
                subject = text[8:].strip()
            continue
        verb = text[:4].upper()
        if verb in ("EHLO", "HELO"):
            writer.write(b"250 bench-sink\r\n")
        elif verb == "DATA":
            in_data, subject = True, ""
            writer.write(b"354 go ahead\r\n")
        elif verb == "QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


def serve():
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(asyncio.start_server(smtp_session, "127.0.0.1", smtp_port))
    loop.run_until_complete(server.serve_forever())


threading.Thread(target=serve, daemon=True).start()
time.sleep(0.5)


def post(value):
    body = json.dumps({"readings": [{"sensor_id": "bench-pressure", "value": value}]}).encode()
    request = urllib.request.Request(ingestion + "/api/v1/readings", body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 202, response.status
    return time.monotonic()


def wait_for(word, since_count, timeout=60):
    deadline = time.monotonic() + timeout
    with cond:
        while True:
            for at, subject in received[since_count:]:
                if word in subject:
                    return at
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"no '{word}' e-mail within {timeout} s")
            cond.wait(left)


latencies = []
for i in range(rounds):
    count = len(received)
    sent = post(13.0)
    latencies.append((wait_for("opened", count) - sent) * 1000)
    count = len(received)
    post(10.0)
    wait_for("resolved", count)
    time.sleep(random.uniform(0.3, 1.5))  # breaches arrive at any moment, not in step with the sender's poll

latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies) + 0.5)) - 1)]
print(f"breach-to-e-mail over {rounds} breaches: p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms, "
      f"max {latencies[-1]:.0f} ms, min {latencies[0]:.0f} ms")
