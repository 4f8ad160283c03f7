import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the pages' own styles, imported with them, come after the base and may refine it.
import './styles.css';
import { createApiClient, detectTransport } from './api/client';
import { ApiProvider } from './api/context';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
try {
  const client = createApiClient(detectTransport());
  root.render(
    <StrictMode>
      <ApiProvider client={client}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(<p className="fatal">{error instanceof Error ? error.message : String(error)}</p>);
}
