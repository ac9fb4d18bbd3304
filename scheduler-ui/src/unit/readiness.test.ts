import { describe, expect, it } from 'vitest';
import { bandwidthText, bandwidthVerdict, deviceText, kbps, overall } from './readiness';

describe('the readiness check', () => {
  it('measures kilobits per second', () => {
    expect(kbps(1_000_000, 1000)).toBe(8000);
    expect(kbps(1000, 0)).toBe(8000);
  });

  it('grades bandwidth in plain words', () => {
    expect(bandwidthVerdict(3000)).toBe('ok');
    expect(bandwidthVerdict(1500)).toBe('warn');
    expect(bandwidthText(800)).toBe('Tốc độ tải về 0,8 Mbit/s: quá chậm, hình có thể bị đứng; hãy báo bộ phận kỹ thuật.');
  });

  it('tells a clerk how to allow the camera', () => {
    expect(deviceText('camera', 'NotAllowedError')).toContain('Cho phép');
    expect(deviceText('microphone', null)).toBe('Micro: hoạt động tốt.');
  });

  it('says not ready when anything is red', () => {
    expect(overall({ camera: 'ok', microphone: 'ok', downloadKbps: 5000, meetReachable: false }).verdict).toBe('bad');
    expect(overall({ camera: 'ok', microphone: 'ok', downloadKbps: 5000, meetReachable: true }).text)
      .toBe('Máy đã sẵn sàng để họp.');
  });
});
