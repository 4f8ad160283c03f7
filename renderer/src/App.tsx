import { HashRouter, NavLink, Route, Routes } from 'react-router';
import { LockGate } from './lock/LockGate';
import { LockNowButton } from './lock/LockNowButton';
import { AuditPage } from './pages/audit/AuditPage';
import { ClientPage } from './pages/clients/ClientPage';
import { ClientsPage } from './pages/clients/ClientsPage';
import { FollowUpPage } from './pages/followup/FollowUpPage';
import { SearchLauncher } from './pages/search/SearchLauncher';
import { SearchPage } from './pages/search/SearchPage';
import { SessionPage } from './pages/session/SessionPage';
import { SessionsPage } from './pages/sessions/SessionsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { WelcomePage } from './pages/welcome/WelcomePage';

/** Hash routing: the packaged app loads from file://, where path routing has nothing to serve. */
export function App() {
  return (
    <LockGate>
      <HashRouter>
        <div className="shell">
          <nav className="sidebar" aria-label="Main">
            <div className="brand">Cairn</div>
            <SearchLauncher />
            <NavLink to="/" end>
              Sessions
            </NavLink>
            <NavLink to="/clients">Clients</NavLink>
            <NavLink to="/audit">Audit log</NavLink>
            <NavLink to="/settings">Settings</NavLink>
            <LockNowButton />
          </nav>
          <main className="content">
            <Routes>
              <Route path="/" element={<SessionsPage />} />
              <Route path="/sessions/:id" element={<SessionPage />} />
              <Route path="/sessions/:id/follow-up" element={<FollowUpPage />} />
              <Route path="/clients" element={<ClientsPage />} />
              <Route path="/clients/:id" element={<ClientPage />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/welcome" element={<WelcomePage />} />
              <Route path="*" element={<p>Nothing here.</p>} />
            </Routes>
          </main>
        </div>
      </HashRouter>
    </LockGate>
  );
}
