// The layout of large views, off the page's thread: the same computeLayout as in the page.

import { computeLayout } from "./layout.js";

self.onmessage = ({ data }) => {
  try {
    const { x, y } = computeLayout(data);
    self.postMessage({ ticket: data.ticket, x, y }, [x.buffer, y.buffer]);
  } catch (error) {
    self.postMessage({ ticket: data.ticket, error: String(error?.message || error) });
  }
};
