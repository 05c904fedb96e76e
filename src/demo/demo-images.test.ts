import { describe, expect, it } from 'vitest';
import { decodePng } from '../../appPackage/validate';
import { BUILT_IN_TOPICS } from '../domain/content';
import { DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH, demoImagePng, renderDemoImage } from './demo-images';

describe('demo pictures', () => {
  it('are 600×314 opaque PNGs for every topic, small enough to store', () => {
    for (const { key } of BUILT_IN_TOPICS) {
      const png = demoImagePng(key, 'seed');
      expect(png.length).toBeLessThan(300 * 1024);
      const { width, height, data } = decodePng(png);
      expect([width, height]).toEqual([DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT]);
      expect(data.every((_, i) => i % 4 !== 3 || data[i] === 255)).toBe(true);
    }
  });

  it('are the same for the same seed, and differ between seeds', () => {
    expect(demoImagePng('events', 'a').equals(demoImagePng('events', 'a'))).toBe(true);
    expect(demoImagePng('events', 'a').equals(demoImagePng('events', 'b'))).toBe(false);
    // An unknown topic still gets a picture (comms can add topics).
    expect(renderDemoImage('custom-topic', 'a').width).toBe(DEMO_IMAGE_WIDTH);
  });
});
