import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First, in this order: the tokens, every element styled from them, the component classes, the
// app's shell. The pages' own styles, imported with them, come after and may refine these.
import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';
import './ui/components-layout.css';
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
